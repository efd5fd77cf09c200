from __future__ import annotations

from pathlib import Path

import pytest

from leadcheck.errors import DataFileError
from leadcheck.verify.mail_providers import load_providers, provider_for_mx


@pytest.mark.parametrize(
    ("hosts", "provider_id", "kind"),
    [
        (["aspmx.l.google.com", "alt1.aspmx.l.google.com"], "google-workspace", "workspace"),
        (["smtp.google.com"], "google-workspace", "workspace"),
        (["gmail-smtp-in.l.google.com"], "gmail", "consumer"),
        (["acme-com.mail.protection.outlook.com"], "microsoft-365", "workspace"),
        (["acme-com.a-v1.mx.microsoft"], "microsoft-365", "workspace"),
        (["hotmail-com.olc.protection.outlook.com"], "outlook-com", "consumer"),
        (["mx.zoho.eu"], "zoho", "workspace"),
        (["mxbiz1.qq.com", "mxbiz2.qq.com"], "tencent-exmail", "workspace"),
        (["mx3.qq.com"], "qq-mail", "consumer"),
        (["mxn.mxhichina.com"], "alibaba-mail", "workspace"),
        (["mx1.qiye.aliyun.com"], "alibaba-mail", "workspace"),
        (["qiye163mx01.mxmail.netease.com"], "netease-qiye", "workspace"),
        (["163mx00.mxmail.netease.com"], "netease-mail", "consumer"),
        (["mx.yandex.net"], "yandex-360", "workspace"),
        (["mx.yandex.ru"], "yandex-mail", "consumer"),
        (["emx.mail.ru"], "vk-workspace", "workspace"),
        (["mxs.mail.ru"], "mail-ru", "consumer"),
        (["mx1.secureserver.net"], "godaddy", "hosting"),
        (["mx00.ionos.de"], "ionos", "hosting"),
        (["smtpin.rzone.de"], "strato", "hosting"),
        (["mx0a-00069f02.pphosted.com"], "proofpoint", "security-gateway"),
        (["eu-smtp-inbound-1.mimecast.com"], "mimecast", "security-gateway"),
        (["d123.ess.barracudanetworks.com"], "barracuda", "security-gateway"),
        (["acme.in.tmes.trendmicro.eu"], "trend-micro", "security-gateway"),
        (["mail.mailinator.com"], "mailinator", "disposable"),
    ],
)
def test_known_mx_hosts(hosts: list[str], provider_id: str, kind: str) -> None:
    provider = provider_for_mx(hosts)
    assert provider is not None
    assert (provider.id, provider.kind) == (provider_id, kind)


def test_host_names_are_compared_case_blind_and_without_the_root_dot() -> None:
    provider = provider_for_mx(["ASPMX.L.GOOGLE.COM."])
    assert provider is not None
    assert provider.id == "google-workspace"


@pytest.mark.parametrize(
    "host", ["notgoogle.com", "google.com.evil.example", "mail.acme-uv.com", "qq.com.cn", ""]
)
def test_suffixes_match_on_label_boundaries_only(host: str) -> None:
    assert provider_for_mx([host]) is None


def test_the_first_matching_host_in_preference_order_decides() -> None:
    gateway_first = ["mx0a-1.pphosted.com", "acme-com.mail.protection.outlook.com"]
    provider = provider_for_mx(gateway_first)
    assert provider is not None
    assert provider.id == "proofpoint"
    own_server_first = ["mail.acme-uv.com", "mx1.qiye.aliyun.com"]
    provider = provider_for_mx(own_server_first)
    assert provider is not None
    assert provider.id == "alibaba-mail"


def test_no_hosts_no_provider() -> None:
    assert provider_for_mx([]) is None


def test_the_shipped_table_loads_once() -> None:
    table = load_providers()
    assert table is load_providers()
    assert len({provider.id for provider in table.by_suffix.values()}) >= 40


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mail_providers.toml"
    path.write_text(body, encoding="utf-8")
    return path


_GOOD = '[[provider]]\nid = "a"\nname = "A"\nkind = "workspace"\nmx_suffixes = ["a.example"]\n'


@pytest.mark.parametrize(
    ("body", "location", "problem"),
    [
        (
            _GOOD + '[[provider]]\nid = "a"\nname = "B"\nkind = "hosting"\n'
            'mx_suffixes = ["b.example"]\n',
            "provider.1.id",
            "duplicate id 'a'",
        ),
        (
            _GOOD + '[[provider]]\nid = "b"\nname = "B"\nkind = "hosting"\n'
            'mx_suffixes = ["a.example"]\n',
            "provider.1.mx_suffixes",
            "already claimed by 'a'",
        ),
        (_GOOD.replace('"workspace"', '"webmail"'), "provider.0.kind", "Input should be"),
        (_GOOD.replace('"a.example"', '"A.Example"'), "provider.0.mx_suffixes", "lower-case"),
        (_GOOD.replace('["a.example"]', "[]"), "provider.0.mx_suffixes", "at least 1"),
        (_GOOD.replace('id = "a"', 'id = "Bad Id"'), "provider.0.id", "pattern"),
        (_GOOD + "colour = 1\n", "provider.0.colour", "Extra inputs"),
    ],
)
def test_malformed_tables_name_the_key(
    tmp_path: Path, body: str, location: str, problem: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(DataFileError) as caught:
        load_providers(path)
    assert caught.value.location == location
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)


def test_broken_toml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, _GOOD + "[[provider]\n")
    with pytest.raises(DataFileError) as caught:
        load_providers(path)
    assert caught.value.location is not None
    assert caught.value.location.startswith("line 6")
