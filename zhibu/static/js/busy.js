// Forms marked data-busy say that they are working while a long request (an import) runs,
// and cannot be submitted twice.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-busy]");
  if (!form) return;
  const button = form.querySelector("button[type=submit]");
  if (button) {
    button.disabled = true;
    button.textContent = form.dataset.busy;
  }
  form.setAttribute("aria-busy", "true");
});
