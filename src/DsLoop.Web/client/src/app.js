import htmx from "htmx.org";

// The content security policy forbids inline styles, so htmx must not inject its own.
htmx.config.includeIndicatorStyles = false;
window.htmx = htmx;

// Elements with data-timer show the minutes and seconds since the page loaded and keep a
// hidden field (data-timer-field) filled with the elapsed seconds, so time taken is recorded.
function startTimers() {
  for (const el of document.querySelectorAll("[data-timer]")) {
    const started = Date.now();
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

document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.classList.add("js");
  startTimers();
  startWordCounts();
});
