// The top bar's menus (disclosure pattern): each area's button opens its list of links; only one
// list is open at a time; Escape, a click elsewhere or tabbing away closes it. On a phone the 菜单
// button shows the whole grouped list at once (CSS lays it out vertically).
(() => {
  const topbar = document.querySelector(".topbar");
  if (!topbar) return;
  const panelButton = topbar.querySelector("[data-nav-panel]");

  const buttonOf = (group) => group.querySelector(":scope > .navgroup-button");

  function setOpen(group, open) {
    const button = buttonOf(group);
    if (!button) return;
    group.classList.toggle("open", open);
    button.setAttribute("aria-expanded", String(open));
  }

  function closeAll(except) {
    topbar.querySelectorAll("[data-navgroup].open").forEach((group) => {
      if (group !== except) setOpen(group, false);
    });
  }

  function setPanel(open) {
    if (!panelButton) return;
    topbar.classList.toggle("nav-open", open);
    panelButton.setAttribute("aria-expanded", String(open));
  }

  topbar.addEventListener("click", (event) => {
    if (panelButton && event.target.closest("[data-nav-panel]")) {
      setPanel(!topbar.classList.contains("nav-open"));
      return;
    }
    const button = event.target.closest(".navgroup-button");
    if (!button) return;
    const group = button.closest("[data-navgroup]");
    const open = !group.classList.contains("open");
    closeAll(group);
    setOpen(group, open);
  });

  topbar.addEventListener("keydown", (event) => {
    const button = event.target.closest(".navgroup-button");
    if (button && event.key === "ArrowDown") {
      const group = button.closest("[data-navgroup]");
      closeAll(group);
      setOpen(group, true);
      const first = group.querySelector(".navgroup-menu a, .navgroup-menu button");
      if (first) first.focus();
      event.preventDefault();
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = topbar.querySelector("[data-navgroup].open");
    if (open) {
      setOpen(open, false);
      buttonOf(open).focus();
    } else if (topbar.classList.contains("nav-open")) {
      setPanel(false);
      panelButton.focus();
    }
  });

  // A click outside the open menu closes it (the phone panel stays until its button is pressed).
  document.addEventListener("click", (event) => {
    if (!event.target.closest("[data-navgroup]")) closeAll(null);
  });

  // Tabbing out of an open menu closes it.
  topbar.addEventListener("focusout", (event) => {
    const group = event.target.closest("[data-navgroup].open");
    if (group && event.relatedTarget && !group.contains(event.relatedTarget)) setOpen(group, false);
  });
})();
