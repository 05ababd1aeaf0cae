import htmx from "htmx.org";

// The content security policy forbids inline styles, so htmx must not inject its own.
htmx.config.includeIndicatorStyles = false;
window.htmx = htmx;

// Elements with data-timer show the minutes and seconds since the server's start (data-timer-start,
// seconds already spent, so a Run, a Submit or a reload does not reset the count) and keep a hidden
// field (data-timer-field) filled with the elapsed seconds, so time taken is recorded.
function startTimers() {
  for (const el of document.querySelectorAll("[data-timer]")) {
    const started = Date.now() - Number(el.dataset.timerStart || "0") * 1000;
    const field = el.dataset.timerField ? document.getElementById(el.dataset.timerField) : null;
    const tick = () => {
      const seconds = Math.floor((Date.now() - started) / 1000);
      const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
      const ss = String(seconds % 60).padStart(2, "0");
      el.textContent = `${mm}:${ss}`;
      if (field) field.value = String(seconds);
    };
    tick();
    setInterval(tick, 1000);
  }
}

// Elements with data-word-count="textarea-id" show the live word count of that text area.
function startWordCounts() {
  for (const el of document.querySelectorAll("[data-word-count]")) {
    const area = document.getElementById(el.dataset.wordCount);
    if (!area) continue;
    const update = () => {
      const words = area.value.trim().split(/\s+/).filter(Boolean).length;
      el.textContent = `${words} words`;
    };
    area.addEventListener("input", update);
    update();
  }
}

// Elements with data-countdown show the time left in a loop round. The server sends the seconds left
// (data-remaining), so the browser's own clock only measures the time since the page loaded. At zero
// the form named by data-form is submitted with its data-auto-field set, and the server, which keeps
// the real deadline, records what was typed. A paused countdown (data-paused) does not move.
function startCountdowns() {
  for (const el of document.querySelectorAll("[data-countdown]")) {
    const remaining = Number(el.dataset.remaining || "0");
    const show = (seconds) => {
      const s = Math.max(0, seconds);
      el.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
      el.classList.toggle("urgent", s <= 60);
    };
    show(remaining);
    if (el.dataset.paused === "true") continue;
    const deadline = Date.now() + remaining * 1000;
    const form = el.dataset.form ? document.getElementById(el.dataset.form) : null;
    let sent = false;
    const tick = () => {
      const left = Math.ceil((deadline - Date.now()) / 1000);
      show(left);
      if (left <= 0 && !sent) {
        sent = true;
        clearInterval(timer);
        if (form) {
          const auto = form.querySelector("[data-auto-field]");
          if (auto) auto.value = "true";
          for (const area of form.querySelectorAll("textarea[data-draft]")) {
            try { localStorage.removeItem(`dsloop-draft:${area.dataset.draft}`); } catch { /* storage disabled */ }
          }
          form.submit();
        } else {
          window.location.reload();
        }
      }
    };
    const timer = setInterval(tick, 250);
    tick();
  }
}

// Text areas with data-draft keep what is typed in this browser's storage until the form is sent,
// so a reload or a browser restart in the middle of a round loses nothing.
function keepDrafts() {
  for (const area of document.querySelectorAll("textarea[data-draft]")) {
    const key = `dsloop-draft:${area.dataset.draft}`;
    try {
      if (!area.value) area.value = localStorage.getItem(key) || "";
      area.addEventListener("input", () => localStorage.setItem(key, area.value));
      area.form?.addEventListener("submit", () => localStorage.removeItem(key));
    } catch {
      // Storage may be disabled; drafts are a convenience only.
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.classList.add("js");
  keepDrafts();
  startTimers();
  startWordCounts();
  startCountdowns();
});
