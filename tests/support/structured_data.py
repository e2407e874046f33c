"""Reading a page's schema.org JSON-LD back as a search engine would: with extruct."""

import extruct


def json_ld(response, url="http://testserver/"):
    """Every JSON-LD item of an HTML response."""
    return extruct.extract(response.content.decode(), base_url=url, syntaxes=["json-ld"])["json-ld"]


def item_of_type(response, schema_type):
    """The one item of `schema_type`; fails when there is none or more than one."""
    items = [item for item in json_ld(response) if item.get("@type") == schema_type]
    assert len(items) == 1, f"{schema_type}: {len(items)} items in {json_ld(response)}"
    return items[0]
