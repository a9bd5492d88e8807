// The receipt's "Imprimer" button: a file, not inline code, as the Content-Security-Policy allows scripts from
// 'self' only. Without scripts the button stays hidden and the page says to use the browser's own command.
(function () {
  var buttons = document.querySelectorAll('[data-imprimer]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () { window.print(); });
  }
})();
