"""A listener reads a published episode in a real browser."""

import json

from playwright.sync_api import expect

from episodes import factories as f


def test_a_published_episode_shows_every_block_and_valid_json_ld(
    radio, frontend_url, new_context, shoot
):
    page = new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{frontend_url}/test-show/subscription-fatigue/")

    header = page.locator(".episode-header")
    expect(header.locator("h1")).to_have_text("Is the monthly plan running out of breath?")
    expect(header.locator(".show")).to_have_text("Test Show")
    expect(header.locator(".number")).to_contain_text("Episode 42")
    expect(header.locator(".rubric")).to_have_text("Market")
    expect(header.locator("time")).not_to_be_empty()
    expect(page.locator("audio#player")).to_have_attribute("src", radio.episode.audio_url)

    toc = page.locator("nav.toc a")
    expect(toc).to_have_count(2)
    expect(toc.first).to_have_attribute("href", "#why-subscriptions-tire")
    expect(page.locator("h2#why-subscriptions-tire")).to_have_text("Why subscriptions tire people")
    expect(page.locator(".body h3")).to_have_text("Numbers from the field")
    expect(page.locator(".block-paragraph b")).to_have_text("bold")
    expect(page.locator(".block-paragraph a")).to_have_attribute("href", "https://example.com/")
    quotes = page.locator(".body > .block-quote")
    expect(quotes).to_have_count(2)
    expect(quotes.first.locator("blockquote")).to_have_text(
        "People cancel what they forget they pay for."
    )
    expect(quotes.first.locator(".speaker")).to_have_text("Idris Guest")
    expect(quotes.nth(1).locator(".speaker")).to_have_text("A listener")
    image = page.locator(".block-image img")
    expect(image).to_have_attribute("alt", "Chart of sign-ups against cancellations")
    expect(page.locator(".block-image figcaption")).to_contain_text("Sign-ups and cancellations")
    expect(page.locator(".block-embed iframe")).to_have_attribute("title", "Extract of episode 42")
    expect(page.locator(".people")).to_contain_text("Camille Host")
    expect(page.locator(".people")).to_contain_text("Idris Guest")
    expect(page.locator(".related a")).to_contain_text("The older episode")
    shoot(page, "01-episode-published")

    faq = page.locator(".block-faq")
    expect(faq.locator("h2")).to_have_text("Questions listeners asked")
    first_item = faq.locator("details").first
    expect(first_item.locator(".faq-answer")).to_be_hidden()
    first_item.locator("summary").click()
    expect(first_item.locator(".faq-answer")).to_be_visible()
    expect(first_item.locator(".faq-answer")).to_contain_text("No, it is changing shape.")
    expect(first_item.locator(".faq-quote")).to_contain_text("It is not dead, it is tired.")
    first_item.scroll_into_view_if_needed()
    shoot(page, "02-episode-faq-open")

    quotes.first.locator(".seek").click()
    assert page.evaluate("document.getElementById('player').currentTime") == 125

    graph = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    nodes = graph.get("@graph", [graph])
    types = {node["@type"] for node in nodes}
    assert {"PodcastEpisode", "FAQPage", "BreadcrumbList"} <= types
    episode_node = next(node for node in nodes if node["@type"] == "PodcastEpisode")
    assert episode_node["url"] == f"{frontend_url}/test-show/subscription-fatigue/"
    faq_node = next(node for node in nodes if node["@type"] == "FAQPage")
    assert [q["name"] for q in faq_node["mainEntity"]] == [
        "Is the monthly plan dead?",
        "What should a small shop do?",
    ]
    assert errors == []


def test_a_script_in_a_quote_renders_as_text(radio, frontend_url, new_context, shoot):
    payload = '</p><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
    radio.episode.body = [
        f.heading("Hostile words"),
        f.pull_quote(payload, speaker_name="<b>Mallory</b>"),
        f.faq([f.faq_item(f"Question {payload}", "<p>Safe answer.</p>", quote=payload)]),
    ]
    radio.episode.save_revision().publish()

    page = new_context().new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{frontend_url}/test-show/subscription-fatigue/")

    expect(page.locator(".block-quote blockquote")).to_have_text(payload)
    expect(page.locator(".block-quote .speaker")).to_have_text("<b>Mallory</b>")
    expect(page.locator(".block-faq summary")).to_have_text(f"Question {payload}")
    page.locator(".block-faq summary").click()
    expect(page.locator(".faq-quote blockquote")).to_have_text(payload)
    shoot(page, "03-xss-quote-as-text")
    assert page.evaluate("window.__xss") is None
    assert page.locator(".body script, .body img[src='x']").count() == 0
    graph = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    faq_node = next(node for node in graph["@graph"] if node["@type"] == "FAQPage")
    assert faq_node["mainEntity"][0]["name"] == f"Question {payload}"
    assert dialogs == []
