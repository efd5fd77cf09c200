"""Lures in the inquiry's message (leadcheck.verify.message)."""

from __future__ import annotations

import pytest

from leadcheck.verify.message import read_message


def test_a_purchase_order_lure_with_a_platform_look_alike() -> None:
    report = read_message(
        "Dear Supplier,\nA buyer sent you a purchase order. Sign in to view the PO: "
        "https://alibaba.com.po-view.top/login?ref=88231.\nAttachment: PO_88231.pdf.html"
    )
    (link,) = report.links
    assert link.domain == "po-view.top"
    assert link.platform_lookalike
    assert link.login_page
    assert not link.on_platform
    assert link.url.endswith("ref=88231")  # the full stop is not part of it
    assert report.login_lure is not None
    assert report.attachments == ("PO_88231.pdf.html",)


@pytest.mark.parametrize(
    "text",
    [
        "Inicie sesión para ver el pedido: http://pedidos-seguros.web.app/ver",
        "Faça login para visualizar o pedido no link",
        "Connectez-vous pour consulter le bon de commande",
        "Bitte melden Sie sich an, um die Bestellungen einzusehen",
        "Пожалуйста, войдите, чтобы просмотреть заказ",
        "Siparişi görmek için giriş yapın",
        "يرجى تسجيل الدخول لعرض أمر الشراء",
        "您好，请登录查看订单",
        "Vui lòng đăng nhập để xem đơn hàng",
    ],
)
def test_sign_in_lures_in_many_languages(text: str) -> None:
    assert read_message(text).login_lure is not None


def test_links_are_reported_with_their_domains_and_kinds() -> None:
    report = read_message(
        "See www.acme-water.de and https://message.alibaba.com/msg/123, "
        "or bit.ly/3xYzAb and http://docs-share.pages.dev/view"
    )
    domains = [link.domain for link in report.links]
    assert domains == ["acme-water.de", "alibaba.com", "bit.ly", "pages.dev"]
    on, short, hosted = report.links[1], report.links[2], report.links[3]
    assert on.on_platform
    assert not on.platform_lookalike
    assert short.shortener
    assert hosted.free_hosting


def test_a_plain_inquiry_holds_no_lure() -> None:
    report = read_message(
        "Hello, we are interested in your UV sterilizers (50 m3/h). Please send a quotation "
        "with price, MOQ and delivery time to our purchasing department. Our drawings will "
        "follow by email. Best regards, Report team"
    )
    assert report.login_lure is None
    assert report.account_lure is None
    assert not report.attachments
    assert not report.links
    assert report.fee_request is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Please see the attached Purchase_Order_4512.htm", ("Purchase_Order_4512.htm",)),
        ("Drawing-2025-07.svg and RFQ#77.shtml attached", ("Drawing-2025-07.svg", "RFQ#77.shtml")),
        ("invoice.pdf.exe", ("invoice.pdf.exe",)),
        ("We build our shop with node.js and vue.js", ()),  # not posing as documents
        ("Our catalogue is catalogue.pdf", ()),
    ],
)
def test_attachments_posing_as_documents(text: str, names: tuple[str, ...]) -> None:
    assert read_message(text).attachments == names


@pytest.mark.parametrize(
    "text",
    [
        "To be listed as supplier, please pay the vendor registration fee of USD 350.",
        "El contrato requiere gastos de notaría de 280 USD",
        "合同签署前需要支付公证费",
    ],
)
def test_fee_requests(text: str) -> None:
    assert read_message(text).fee_request is not None


def test_an_account_scare() -> None:
    report = read_message("Your account will be suspended: verify your account at the link")
    assert report.account_lure is not None


def test_a_huge_message_is_bounded() -> None:
    text = "https://x.example/a " * 10_000
    report = read_message(text)
    assert len(report.links) <= 20


def test_a_web_page_in_a_link_is_not_an_attachment() -> None:
    report = read_message("Our order form: https://shop.acme-water.de/order.htm")
    assert report.attachments == ()
    assert [link.domain for link in report.links] == ["acme-water.de"]
