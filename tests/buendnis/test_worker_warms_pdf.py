"""The background worker warms the PDF renderer when it starts (issue 22)."""

from unittest import mock

from django.core.management import get_commands

from buendnis.lib import pdf


def test_the_portals_db_worker_is_the_one_manage_py_runs():
    assert get_commands()["db_worker"] == "buendnis"


def test_warming_renders_once_with_the_print_stylesheet():
    with mock.patch.object(pdf, "_write_pdf", wraps=pdf._write_pdf) as write:
        seconds = pdf.warm_renderer()
    [call] = write.call_args_list
    html, stylesheet = call.args
    assert "Bündnisportal" in html and stylesheet == pdf._stylesheet_text()
    assert seconds > 0


def test_the_worker_warms_before_it_works(capsys):
    from buendnis.management.commands.db_worker import Command

    with mock.patch("buendnis.management.commands.db_worker.warm_renderer", return_value=0.2) as warm, \
            mock.patch("django_tasks_db.management.commands.db_worker.Command.handle") as work:
        Command().handle(queue_name="*")
    warm.assert_called_once_with()
    work.assert_called_once()
    assert "PDF-Renderer vorgewärmt (200 ms)." in capsys.readouterr().out
