/** Menu frame of the legacy replica: a jQuery folder tree whose links target the main frame. */
import $ from 'jquery';
import './legacy.css';

$(() => {
  $('#menuTree').on('click', '.lg-folder', (e) => {
    $(e.currentTarget).parent().toggleClass('open');
  });
  $('#menuTree').on('click', 'a.lg-disabled', (e) => {
    e.preventDefault();
    $('#menuTree a.lg-flash').removeClass('lg-flash');
    $(e.currentTarget).addClass('lg-flash').attr('title', '该功能在仿真环境中未开放');
  });
  $('#menuTree').on('click', 'a[target=mainFrame]', (e) => {
    $('#menuTree a.current').removeClass('current');
    $(e.currentTarget).addClass('current');
  });
});
