// The reader: table-of-contents links scroll inside the page without leaving the reader tab.
element.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="#"]');
  if (!link || !element.contains(link)) return;
  const id = link.getAttribute('href').slice(1);
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({block: 'start', behavior: 'smooth'});
  if (target.hasAttribute('tabindex')) target.focus({preventScroll: true});
  try { history.replaceState(null, '', '#' + id); } catch (e) {}
});
