"""Fixed vocabularies that podcast directories define."""

EPISODE_TYPES = [("full", "Full episode"), ("trailer", "Trailer"), ("bonus", "Bonus")]

PODCAST_TYPES = [("episodic", "Episodic"), ("serial", "Serial")]

LANGUAGES = [
    ("fr", "French"),
    ("en", "English"),
    ("es", "Spanish"),
    ("de", "German"),
    ("it", "Italian"),
]

# Apple Podcasts categories, stored as "Category" or "Category > Subcategory".
_APPLE_TREE = {
    "Arts": ["Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"],
    "Business": [
        "Careers",
        "Entrepreneurship",
        "Investing",
        "Management",
        "Marketing",
        "Non-Profit",
    ],
    "Comedy": ["Comedy Interviews", "Improv", "Stand-Up"],
    "Education": ["Courses", "How To", "Language Learning", "Self-Improvement"],
    "Fiction": ["Comedy Fiction", "Drama", "Science Fiction"],
    "Health & Fitness": ["Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition"],
    "History": [],
    "Kids & Family": ["Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"],
    "Leisure": ["Games", "Hobbies", "Home & Garden", "Video Games"],
    "Music": ["Music Commentary", "Music History", "Music Interviews"],
    "News": ["Business News", "Daily News", "Politics", "Tech News"],
    "Science": ["Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics"],
    "Society & Culture": ["Documentary", "Personal Journals", "Philosophy", "Relationships"],
    "Sports": ["Football", "Basketball", "Running", "Soccer", "Tennis"],
    "Technology": [],
    "True Crime": [],
    "TV & Film": ["After Shows", "Film History", "Film Reviews", "TV Reviews"],
}
APPLE_CATEGORIES = [
    (value, value)
    for parent, children in _APPLE_TREE.items()
    for value in [parent, *(f"{parent} > {child}" for child in children)]
]


def split_apple_category(value: str) -> tuple[str, str | None]:
    """Split a stored category into Apple's category and optional subcategory."""
    parent, _, child = value.partition(" > ")
    return parent, child or None
