"""The demo's flagship article, written for this project: every block type at realistic length."""

from typing import Any

# Each entry is (kind, payload). Speakers are keys of PEOPLE in episodes/demo/content.py.
# The outline mirrors a real episode article: 7 sections, 4 subsections, 24 paragraphs,
# 9 pull quotes and an FAQ of 6 questions, each answer backed by a quote.
# Headings are (text, level, where the section starts in the audio); quotes are (text,
# speaker, moment). The words quoted and their moments are those of conversation.py, spoken
# into media/subscription-fatigue.ogg by scripts/demo_audio.py.
# The payload's shape depends on the kind, so it is typed loosely.
ARTICLE: list[tuple[str, Any]] = [
    ("heading", ("Subscriptions everywhere, patience nowhere", "h2", "0:00")),
    (
        "paragraph",
        "<p>Ten years ago a monthly plan felt like a small luxury. Today the average household juggles a dozen of them, from music and films to note-taking apps and meal kits, and the bank statement has become a list of small regrets.</p>",
    ),
    (
        "paragraph",
        "<p>In this episode, Claire and Malik look at what happened when every product became a subscription, why customers started to push back, and what the companies that still grow are doing differently. It is a conversation about <b>retention</b>, pricing and trust more than about software.</p>",
    ),
    ("heading", ("How the monthly plan won the decade", "h2", "0:09")),
    (
        "paragraph",
        "<p>Recurring revenue is easy to love from the inside. It smooths cash flow, makes forecasts look serious and turns every customer into a line on a growth chart. Investors rewarded it with valuations that one-off sales could never reach.</p>",
    ),
    (
        "quote",
        (
            "Once the board saw a recurring revenue chart, nobody wanted to hear about selling things once ever again.",
            "malik",
            "0:16",
        ),
    ),
    (
        "paragraph",
        "<p>The model spread far beyond software. Car makers tried monthly fees for heated seats, printer makers sold ink plans, and even coffee shops offered unlimited cups. The logic was always the same: lock in the customer, then worry about value later.</p>",
    ),
    (
        "paragraph",
        "<p>For a while it worked, because money was cheap and growth was the only score that counted. Churn was treated as a marketing problem to be solved with more acquisition spending rather than as a signal about the product.</p>",
    ),
    ("heading", ("The moment customers started counting", "h2", "0:23")),
    (
        "paragraph",
        "<p>Then prices rose everywhere at once. Households that had never looked at their statements began to audit them, and tools that list every active plan became popular almost overnight.</p>",
    ),
    (
        "quote",
        (
            "People did not cancel because they hated the product. They cancelled because they finally saw the total.",
            "claire",
            "0:23",
        ),
    ),
    (
        "paragraph",
        "<p>The first plans to go were the ones nobody opened. The second wave hit services that raised prices without adding anything visible. Loyalty, it turned out, had been mostly inertia.</p>",
    ),
    ("heading", ("Churn, the number nobody wanted to look at", "h3", "0:37")),
    (
        "paragraph",
        "<p>Malik explains that many teams reported growth in sign-ups while quietly losing a third of their base every year. A net figure can hide a leaking bucket for a long time, until acquisition gets expensive.</p>",
    ),
    (
        "quote",
        (
            "If you need to win back a third of your customers every year just to stand still, you do not have a growth engine, you have a treadmill.",
            "malik",
            "0:37",
        ),
    ),
    (
        "paragraph",
        "<p>Claire adds that many dashboards were built to celebrate new customers, not to explain departures. Teams simply did not see the problem because nobody had put it on a screen.</p>",
    ),
    ("heading", ("The price rise that broke the habit", "h3", "0:46")),
    (
        "paragraph",
        "<p>A price increase forces a decision the customer had been avoiding. Services that announced rises with a clear list of improvements kept most of their members; those that sent a terse e-mail saw cancellation spikes within days.</p>",
    ),
    (
        "quote",
        (
            "We lost more members with one badly written e-mail than with two years of competitors.",
            "ines",
            "0:49",
        ),
    ),
    (
        "paragraph",
        "<p>The lesson the guests draw is that a price rise is a conversation, not an announcement. Explaining what changes, giving notice and offering a cheaper tier keeps the door open.</p>",
    ),
    ("heading", ("Two kinds of companies, two different years", "h2", "1:00")),
    (
        "paragraph",
        "<p>Not every business suffered in the same way. The hosts describe a split between companies that had raised huge rounds on the promise of endless growth and smaller firms that had always needed their customers to stay because they were happy.</p>",
    ),
    ("heading", ("When the valuation becomes the problem", "h3", "1:06")),
    (
        "paragraph",
        "<p>A company priced at fifty times its yearly revenue cannot afford a flat year. To defend that number it cuts costs, pushes annual plans with aggressive discounts and makes cancelling harder, which only delays the reckoning.</p>",
    ),
    (
        "quote",
        (
            "Hiding the cancel button is the most expensive marketing you will ever do: it turns a lost customer into a loud one.",
            "claire",
            "1:06",
        ),
    ),
    ("heading", ("The quiet strength of modest businesses", "h3", "1:14")),
    (
        "paragraph",
        "<p>Meanwhile, profitable niche products kept growing at a steady pace. They had fewer features but clearer promises, and many of them hired talented people who had just left larger companies.</p>",
    ),
    (
        "paragraph",
        "<p>Their secret is not a trick. They measure whether customers get value every month, and they talk to the ones who leave. The <i>exit interview</i> has become their cheapest research tool.</p>",
    ),
    ("heading", ("What keeps a subscriber around", "h2", "1:19")),
    (
        "paragraph",
        "<p>The guests agree on a short list: a product used weekly, a price that matches that use, and a relationship that feels fair. Pausing instead of cancelling, transparent renewals and easy downgrades all came up as practices that reduce churn instead of hiding it.</p>",
    ),
    (
        "quote",
        (
            "The best retention feature we ever shipped was a pause button. Half of the people who paused came back on their own.",
            "ines",
            "1:19",
        ),
    ),
    (
        "paragraph",
        "<p>Bundles are the other answer. Grouping several services under one bill lowers the mental cost of each, as long as the bundle is built around how people actually live rather than around what a company happens to own.</p>",
    ),
    (
        "paragraph",
        "<p>Finally, communities matter. A newsletter with readers who talk to each other, or a tool with an active forum, is much harder to leave than a service that only sends invoices.</p>",
    ),
    (
        "image",
        (
            "A chart of monthly sign-ups and cancellations crossing over time",
            "Sign-ups and cancellations in a typical year, as described in the episode.",
            "Illustration: Podcast CMS demo",
        ),
    ),
    ("heading", ("Where artificial intelligence changes the sums", "h2", "1:27")),
    (
        "paragraph",
        "<p>New AI features are expensive to run, and many companies now charge for them as add-ons. The hosts wonder whether customers will accept yet another monthly line, or whether these features will become table stakes folded into existing plans.</p>",
    ),
    (
        "quote",
        (
            "Every new feature now comes with a server bill attached, so the free lunch of software margins is over.",
            "malik",
            "1:27",
        ),
    ),
    (
        "paragraph",
        "<p>Ines points out that usage-based pricing could return: paying for what you actually consume is easier to justify than a flat fee for features you might never touch. It is also harder to forecast, which is why finance teams resist it.</p>",
    ),
    (
        "paragraph",
        "<p>The conversation also touches on support. Automated assistants can answer simple questions at any hour, but a subscriber who wants to leave should never feel trapped in a loop with a bot.</p>",
    ),
    ("embed", None),
    ("heading", ("What to take away", "h2", "1:35")),
    (
        "paragraph",
        "<p>Subscription fatigue is not the end of recurring revenue. It is the end of recurring revenue without recurring value. The companies that thrive will be those that earn the renewal every month.</p>",
    ),
    (
        "quote",
        (
            "A renewal is a vote. If you would not win that vote today, fix the product before you fix the funnel.",
            "claire",
            "1:35",
        ),
    ),
    (
        "paragraph",
        "<p>For listeners who run a product, the homework is simple: read your cancellation reasons, make leaving easy and honest, and check that your price still tells a story your customers believe.</p>",
    ),
    (
        "paragraph",
        "<p>For everyone else, the advice is to audit your own plans once a quarter. The money saved is real, and the services you keep will be the ones that deserve it.</p>",
    ),
    (
        "quote",
        (
            "I cancelled four plans while preparing this episode, and I do not miss a single one.",
            "ines",
            "1:42",
        ),
    ),
]

FAQ_TITLE = "Frequently asked questions"
FAQ = [
    (
        "What is subscription fatigue?",
        "<p>It is the point where customers feel they pay for too many recurring plans and start cancelling the ones that do not clearly earn their place.</p>",
        (
            "People did not cancel because they hated the product. They cancelled because they finally saw the total.",
            "claire",
        ),
    ),
    (
        "Why did so many people cancel at the same time?",
        "<p>Prices rose across the board, which pushed households to review their spending. Plans that were rarely used were the first to go.</p>",
        (
            "Inflation did what no competitor could: it made everybody open their bank statement.",
            "malik",
        ),
    ),
    (
        "Do price increases always cause cancellations?",
        "<p>No. Increases that come with visible improvements and an honest explanation keep most members. Silent increases on unchanged products do not.</p>",
        (
            "Tell people what they get for the extra money, or they will decide for you that it is nothing.",
            "ines",
        ),
    ),
    (
        "Which companies suffer the most?",
        "<p>Businesses valued on the promise of endless growth, because a single flat year threatens their valuation and forces hard cuts.</p>",
        (
            "The higher the valuation, the less room you have to simply be a good, steady business.",
            "malik",
        ),
    ),
    (
        "What actually reduces churn?",
        "<p>A product used often, a fair price, easy pauses and downgrades, and a community around the product. Making cancellation hard only delays churn.</p>",
        ("The best retention feature we ever shipped was a pause button.", "ines"),
    ),
    (
        "Will AI features make subscriptions more expensive?",
        "<p>Probably in the short term, since they cost money to run. Over time they are likely to be folded into standard plans or priced by usage.</p>",
        ("Every new feature now comes with a server bill attached.", "malik"),
    ),
]
