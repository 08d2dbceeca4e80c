"""Audio files the tests make themselves: silent MP3 (with a Xing frame count) and AAC in MP4."""

import struct

MP3_SAMPLE_RATE = 44_100
MP3_SAMPLES_PER_FRAME = 1152
# MPEG-1 Layer III, no CRC, 128 kbit/s, 44.1 kHz, no padding, mono.
MP3_HEADER = bytes([0xFF, 0xFB, 0x90, 0xC0])
MP3_FRAME_BYTES = 144 * 128_000 // MP3_SAMPLE_RATE  # 417
MP3_SIDE_INFO_BYTES = 17  # mono MPEG-1


def mp3_bytes(frames: int) -> bytes:
    """A CBR MP3 of `frames` silent frames after a Xing frame giving their count."""
    xing = b"Xing" + struct.pack(">II", 0x1, frames)
    first = MP3_HEADER + bytes(MP3_SIDE_INFO_BYTES) + xing
    first += bytes(MP3_FRAME_BYTES - len(first))
    silent = MP3_HEADER + bytes(MP3_FRAME_BYTES - len(MP3_HEADER))
    return first + silent * frames


def mp3_duration_ms(frames: int) -> int:
    return round(frames * MP3_SAMPLES_PER_FRAME * 1000 / MP3_SAMPLE_RATE)


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _full_box(kind: bytes, payload: bytes, version: int = 0) -> bytes:
    return _box(kind, bytes([version, 0, 0, 0]) + payload)


def m4a_bytes(duration_ms: int, timescale: int = 44_100) -> bytes:
    """An M4A (AAC in MP4) whose movie and sound track last `duration_ms`, with a small mdat."""
    duration = duration_ms * timescale // 1000
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    mvhd = _full_box(
        b"mvhd",
        struct.pack(">IIII", 0, 0, timescale, duration)
        + struct.pack(">IH", 0x10000, 0x100)
        + bytes(10)
        + matrix
        + bytes(24)
        + struct.pack(">I", 2),
    )
    tkhd = _full_box(
        b"tkhd",
        struct.pack(">IIIII", 0, 0, 1, 0, duration)
        + bytes(8)
        + struct.pack(">HHHH", 0, 0, 0x100, 0)
        + matrix
        + struct.pack(">II", 0, 0),
    )
    mdhd = _full_box(b"mdhd", struct.pack(">IIIIHH", 0, 0, timescale, duration, 0x55C4, 0))
    hdlr = _full_box(b"hdlr", struct.pack(">I", 0) + b"soun" + bytes(12) + b"SoundHandler\x00")
    # ES descriptor: AAC LC (object type 0x40), 44.1 kHz mono decoder config.
    decoder_config = bytes([0x05, 0x02, 0x12, 0x08])
    decoder = bytes([0x04, 13 + len(decoder_config), 0x40, 0x15]) + bytes(3)
    decoder += struct.pack(">II", 128_000, 128_000) + decoder_config
    es = bytes([0x03, 3 + len(decoder) + 3, 0, 1, 0]) + decoder + bytes([0x06, 0x01, 0x02])
    esds = _full_box(b"esds", es)
    mp4a = _box(
        b"mp4a",
        bytes(6)
        + struct.pack(">H", 1)
        + bytes(8)
        + struct.pack(">HHHHI", 1, 16, 0, 0, timescale << 16)
        + esds,
    )
    stsd = _full_box(b"stsd", struct.pack(">I", 1) + mp4a)
    empty_tables = b"".join(
        _full_box(kind, struct.pack(">I", 0)) for kind in (b"stts", b"stsc", b"stco")
    ) + _full_box(b"stsz", struct.pack(">II", 0, 0))
    stbl = _box(b"stbl", stsd + empty_tables)
    minf = _box(b"minf", _full_box(b"smhd", bytes(4)) + stbl)
    mdia = _box(b"mdia", mdhd + hdlr + minf)
    trak = _box(b"trak", tkhd + mdia)
    moov = _box(b"moov", mvhd + trak)
    ftyp = _box(b"ftyp", b"M4A " + struct.pack(">I", 0) + b"M4A mp42isom")
    return ftyp + moov + _box(b"mdat", bytes(2048))
