// The episode player follows the reader: moments seek it, #t=90 starts it at 90 s, the
// chapter and transcript line being heard are marked, and the keyboard drives it.
// Without this script the <audio> element still plays and each moment opens the audio there.
(() => {
  const player = document.getElementById("player");
  if (!player) return;

  // Media fragment times: "90", "90.5", "1:30", "1:02:03", "npt:90", "90,120" (start kept).
  const parseTime = (text) => {
    const match = /^(?:npt:)?((?:\d+:){0,2}\d+(?:\.\d+)?)(?:,|$)/.exec(text || "");
    if (!match) return null;
    return match[1].split(":").reduce((total, part) => total * 60 + Number(part), 0);
  };
  const fragmentTime = () => {
    const pair = location.hash.slice(1).split("&").find((part) => part.startsWith("t="));
    return pair ? parseTime(decodeURIComponent(pair.slice(2))) : null;
  };

  const seek = (seconds, play) => {
    const end = player.duration;
    player.currentTime = Number.isFinite(end) ? Math.min(seconds, end) : seconds;
    if (play) player.play().catch(() => {});
    follow();
  };

  // Before the metadata arrives the position is only a request: apply it again once known.
  let pending = null;
  const seekFromFragment = () => {
    const seconds = fragmentTime();
    if (seconds === null) return;
    pending = seconds;
    seek(seconds, false);
  };
  player.addEventListener("loadedmetadata", () => {
    if (pending !== null && Math.abs(player.currentTime - pending) > 0.25) seek(pending, false);
    pending = null;
  });
  addEventListener("hashchange", seekFromFragment);

  document.addEventListener("click", (event) => {
    // A transcript line seeks from anywhere on it, not only from its time.
    const cue = event.target.closest(".cue");
    const link = event.target.closest("[data-seek]") || cue?.querySelector("[data-seek]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const seconds = Number(link.dataset.seek);
    seek(seconds, true);
    // The address now says where the listener is, so it can be shared.
    history.replaceState(null, "", `#t=${seconds}`);
    player.focus({ preventScroll: true });
  });

  // Keys on the focused player. Caught on their way down, before the player's own controls
  // (which would seek again, by 1% of the length), so each key acts once and the same way.
  const toggle = () => (player.paused ? player.play().catch(() => {}) : player.pause());
  const keys = {
    " ": toggle,
    k: toggle,
    ArrowLeft: () => seek(Math.max(0, player.currentTime - 5), false),
    ArrowRight: () => seek(player.currentTime + 5, false),
    Home: () => seek(0, false),
    End: () => Number.isFinite(player.duration) && seek(player.duration, false),
  };
  const onKey = (event) => {
    const action = keys[event.key];
    if (event.target !== player || !action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.type === "keydown" && !(event.repeat && action === toggle)) action();
  };
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("keyup", onKey, true);

  // The chapter and the transcript line being heard carry aria-current.
  const timed = (selector) =>
    [...document.querySelectorAll(selector)].map((element, index, all) => ({
      element,
      start: Number(element.dataset.start),
      end: element.dataset.end
        ? Number(element.dataset.end)
        : all[index + 1]
          ? Number(all[index + 1].dataset.start)
          : Infinity,
    }));
  const chapters = timed(".chapters li[data-start]");
  const cues = timed(".cue[data-start]");
  const list = document.querySelector(".cues");
  const marked = new Map();

  const mark = (group, items, time) => {
    const current = items.find((item) => item.start <= time && time < item.end);
    const before = marked.get(group);
    if (current === before) return current;
    if (before) before.element.removeAttribute("aria-current");
    if (current) current.element.setAttribute("aria-current", "true");
    marked.set(group, current);
    return current;
  };

  function follow() {
    const time = player.currentTime;
    mark("chapter", chapters, time);
    const before = marked.get("cue");
    const cue = mark("cue", cues, time);
    // Keep the line in view inside the panel, without scrolling the page.
    if (cue && cue !== before && list && list.offsetParent) {
      const top = cue.element.offsetTop - list.offsetTop;
      if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - cue.element.offsetHeight) {
        list.scrollTop = top - list.clientHeight / 3;
      }
    }
  }
  player.addEventListener("timeupdate", follow);
  player.addEventListener("seeked", follow);
  seekFromFragment();
})();
