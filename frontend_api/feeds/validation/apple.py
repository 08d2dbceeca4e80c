"""What Apple Podcasts accepts of a feed; its categories are the shows' choices (episodes)."""

# The enclosure types Apple Podcasts plays.
APPLE_MEDIA_TYPES = {
    "audio/mpeg",
    "audio/x-m4a",
    "audio/mp4",
    "audio/aac",
    "video/mp4",
    "video/quicktime",
    "video/x-m4v",
}

# Apple truncates longer show and episode descriptions.
APPLE_DESCRIPTION_LIMIT = 4000
