from hypothesis import given, settings
from hypothesis import strategies as st

from leadcheck.contacts import (
    Contacts,
    SocialProfile,
    emails_in,
    extract_contacts,
    merge_contacts,
)

LINKS = [
    "mailto:Sales@AquaTech-Wasser.de?subject=Anfrage",
    "tel:+49 30 1234567",
    "https://wa.me/4930123456",
    "https://api.whatsapp.com/send?phone=4930123456",
    "https://t.me/aquatech",
    "viber://chat?number=%2B380501234567",
    "https://www.facebook.com/aquatechwasser/",
    "https://www.facebook.com/sharer/sharer.php?u=x",
    "https://twitter.com/intent/tweet?text=x",
    "https://www.linkedin.com/company/aquatech-wasser",
    "https://www.instagram.com/",
    "/impressum",
]


def test_links_give_contacts() -> None:
    contacts = extract_contacts("", LINKS, region="DE")
    assert contacts.emails == ("sales@aquatech-wasser.de",)
    assert contacts.phones == ("+49301234567",)
    assert contacts.whatsapp == (
        "https://wa.me/4930123456",
        "https://api.whatsapp.com/send?phone=4930123456",
    )
    assert contacts.telegram == ("https://t.me/aquatech",)
    assert contacts.viber
    networks = [profile.network for profile in contacts.social]
    assert networks == ["facebook", "linkedin"]  # share buttons and bare roots are skipped


def test_text_gives_emails_and_phones() -> None:
    text = "Tel.: 030 7654321 · Fax +49 30 7654322 · E-Mail: info@aquatech-wasser.de logo@2x.png"
    contacts = extract_contacts(text, region="DE")
    assert contacts.emails == ("info@aquatech-wasser.de",)
    assert "+49307654321" in contacts.phones
    assert "+49307654322" in contacts.phones


def test_local_numbers_need_a_region() -> None:
    assert extract_contacts("call 030 7654321").phones == ()


def test_merge_keeps_order_and_drops_duplicates() -> None:
    a = Contacts(emails=("a@x.de",), social=(SocialProfile(network="vk", url="https://vk.com/x"),))
    b = Contacts(
        emails=("b@x.de", "a@x.de"), social=(SocialProfile(network="vk", url="https://vk.com/x/"),)
    )
    merged = merge_contacts(a, None, b)
    assert merged.emails == ("a@x.de", "b@x.de")
    assert len(merged.social) == 1


def test_zalo_and_line_links_are_messengers_not_social() -> None:
    links = [
        "https://zalo.me/0903123456",
        "https://line.me/R/ti/p/@acme-th",
        "https://zalo.me/",  # the app's home page, not an account
    ]
    found = extract_contacts("", links)
    assert found.zalo == ("https://zalo.me/0903123456",)
    assert found.line == ("https://line.me/R/ti/p/@acme-th",)
    assert found.social == ()


# Pieces a page's contact lines are made of: addresses (some of files), mailto links
# with queries and escapes, phone numbers, and what lies around them.
_PIECES = st.sampled_from(
    [
        "info@uv-lamps.de",
        "Sales@Ozon-Technik.COM",
        "logo@2x.png",
        "a@b",
        "@",
        " ",
        "\n",
        "Tel. +49 30 1234567",
        "E-Mail: ",
        "vertrieb@wasser-gmbh.de, ",
        "мail@пример.рф",
        "x" * 30,
    ]
)
_LINKS = st.sampled_from(
    [
        "mailto:Info@UV-Lamps.de?subject=Anfrage",
        "mailto:%20sales@ozon.de",
        "mailto:not-an-address",
        "tel:+4930123456",
        "https://wa.me/4930123456",
        "https://www.linkedin.com/company/uv-lamps",
        "/kontakt",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(_PIECES | st.text(max_size=8), max_size=25),
    links=st.lists(_LINKS, max_size=6),
)
def test_addresses_found_once_give_the_same_contacts(pieces: list[str], links: list[str]) -> None:
    """A site's probe finds the page's addresses for the clone check and hands them to
    the contacts, which then do not look again: the same contacts."""
    text = "".join(pieces)
    alone = extract_contacts(text, links, region="DE")
    handed = extract_contacts(text, links, region="DE", emails=emails_in(text, links))
    assert handed == alone
