"""What is said in the flagship episode's audio, written for this project, section by section.

scripts/demo_audio.py speaks it (espeak-ng, one voice a person) into episodes/demo/media/:
the audio and a WebVTT transcript of the same words. The article's quotes (article.py) are
taken from these lines, and its headings start where their section starts.
"""

# Person key (content.PEOPLE) -> espeak-ng voice: a distinct voice for each speaker.
VOICES = {
    "claire": "en-gb+f2",
    "malik": "en-us+m3",
    "ines": "en-gb-x-rp+f4",
}

# (heading anchor the section belongs to, [(speaker key, [cue text, ...]), ...]).
# Each turn is one speaker; each of its texts becomes one cue.
SECTIONS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "subscriptions-everywhere-patience-nowhere",
        [
            (
                "claire",
                [
                    "Welcome to Signal and Noise. Today we talk about subscription fatigue.",
                    "With me are Malik Benali and our guest, Inès Moreau.",
                ],
            ),
        ],
    ),
    (
        "how-the-monthly-plan-won-the-decade",
        [
            ("claire", ["Malik, how did the monthly plan take over?"]),
            (
                "malik",
                [
                    "Recurring revenue made every forecast look serious.",
                    "Once the board saw a recurring revenue chart,",
                    "nobody wanted to hear about selling things once ever again.",
                ],
            ),
        ],
    ),
    (
        "the-moment-customers-started-counting",
        [
            (
                "claire",
                [
                    "People did not cancel because they hated the product.",
                    "They cancelled because they finally saw the total.",
                ],
            ),
            (
                "malik",
                [
                    "Inflation did what no competitor could:",
                    "it made everybody open their bank statement.",
                ],
            ),
        ],
    ),
    (
        "churn-the-number-nobody-wanted-to-look-at",
        [
            (
                "malik",
                [
                    "If you need to win back a third of your customers every year just to stand still,",
                    "you do not have a growth engine, you have a treadmill.",
                ],
            ),
        ],
    ),
    (
        "the-price-rise-that-broke-the-habit",
        [
            ("claire", ["Inès, you lived through a price rise."]),
            (
                "ines",
                [
                    "We lost more members with one badly written e-mail than with two years of competitors.",
                    "Tell people what they get for the extra money,",
                    "or they will decide for you that it is nothing.",
                ],
            ),
        ],
    ),
    (
        "two-kinds-of-companies-two-different-years",
        [
            (
                "malik",
                [
                    "The higher the valuation, the less room you have to simply be a good, steady business.",
                ],
            ),
        ],
    ),
    (
        "when-the-valuation-becomes-the-problem",
        [
            (
                "claire",
                [
                    "Hiding the cancel button is the most expensive marketing you will ever do:",
                    "it turns a lost customer into a loud one.",
                ],
            ),
        ],
    ),
    (
        "the-quiet-strength-of-modest-businesses",
        [
            (
                "ines",
                [
                    "Small teams with clear promises kept growing, month after month.",
                ],
            ),
        ],
    ),
    (
        "what-keeps-a-subscriber-around",
        [
            (
                "ines",
                [
                    "The best retention feature we ever shipped was a pause button.",
                    "Half of the people who paused came back on their own.",
                ],
            ),
        ],
    ),
    (
        "where-artificial-intelligence-changes-the-sums",
        [
            (
                "malik",
                [
                    "Every new feature now comes with a server bill attached,",
                    "so the free lunch of software margins is over.",
                ],
            ),
        ],
    ),
    (
        "what-to-take-away",
        [
            (
                "claire",
                [
                    "A renewal is a vote.",
                    "If you would not win that vote today, fix the product before you fix the funnel.",
                ],
            ),
            (
                "ines",
                [
                    "I cancelled four plans while preparing this episode, and I do not miss a single one.",
                ],
            ),
            ("claire", ["Thank you both. See you next week on Signal and Noise."]),
        ],
    ),
]
