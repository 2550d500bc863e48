"""Every bad output path is told in a sentence; formats in any case; files get the user's umask."""
from __future__ import annotations

import errno
import os
import stat

import pytest

from cli import main
from tools.data.formats import canonical_format, convert_dataset
from tools.errors import UserError


@pytest.fixture
def src(tmp_path):
    path = tmp_path / "qa.csv"
    path.write_text("问题,答案\n一加一？,二\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("output,message,zh", [
    ("", "output file name is empty", "输出文件名为空"),
    ("   ", "output file name is empty", "输出文件名为空"),
    ("/proc/x.xlsx", "Cannot write x.xlsx into /proc", "无法把 x.xlsx 写入 /proc"),
])
def test_bad_output_names(src, output, message, zh):
    with pytest.raises(UserError, match=message) as err:
        convert_dataset(src, "xlsx", output)
    assert zh in err.value.zh


def test_a_file_used_as_a_folder(src, tmp_path):
    with pytest.raises(UserError, match=r"qa\.csv is a file, not a folder") as err:
        convert_dataset(src, "jsonl", tmp_path / "qa.csv" / "x.jsonl")
    assert "不是文件夹" in err.value.zh


def test_a_folder_as_the_output(src, tmp_path):
    with pytest.raises(UserError, match="is a folder; give a file name"):
        convert_dataset(src, "jsonl", tmp_path)


@pytest.mark.parametrize("to,name", [("jsonl", "x.csv"), ("csv", "x.jsonl"), ("xlsx", "x.json"), ("alpaca", "x.xlsx")])
def test_an_extension_that_contradicts_the_format(src, tmp_path, to, name):
    with pytest.raises(UserError, match=f"ends in .*but the format is {to}"):
        convert_dataset(src, to, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_unwritable_folder(src, tmp_path, monkeypatch):
    import tools.data.outpaths

    def refuse(path, data):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tools.data.outpaths, "atomic_write_bytes", refuse)
    with pytest.raises(UserError, match="you do not have permission") as err:
        convert_dataset(src, "jsonl", tmp_path / "locked" / "x.jsonl")
    assert "没有写入该位置的权限" in err.value.zh


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_folder_for_real(src, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(UserError, match="permission"):
        convert_dataset(src, "jsonl", locked / "x.jsonl")


@pytest.mark.parametrize("name,fmt", [("QIANFAN", "qianfan"), ("Alpaca", "alpaca"), ("千帆", "qianfan"),
                                      ("Excel", "xlsx"), (" openai ", "openai")])
def test_formats_are_case_insensitive(name, fmt):
    assert canonical_format(name) == fmt


def test_unknown_format_sentence():
    with pytest.raises(UserError, match="Unknown target format 'parquet'") as err:
        canonical_format("parquet")
    assert "不认识" in err.value.zh


def test_files_get_the_users_umask(src, tmp_path):
    old = os.umask(0o022)
    try:
        out = convert_dataset(src, "jsonl", tmp_path / "x.jsonl").output
        default = convert_dataset(src, "csv").output
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644
    assert stat.S_IMODE(os.stat(default).st_mode) == 0o644


def test_cli_sentences(src, tmp_path, capsys):
    assert main(["convert", str(src), "--to", "QIANFAN", "-o", str(tmp_path / "q.jsonl")]) == 0
    assert "as qianfan" in capsys.readouterr().out
    assert main(["convert", str(src), "--to", "jsonl", "-o", ""]) == 1
    assert "output file name is empty" in capsys.readouterr().err
    assert main(["convert", str(src), "--to", "xlsx", "-o", "/proc/x.xlsx"]) == 1
    assert "Cannot write x.xlsx into /proc" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["convert", str(src), "--to", "parquet"])
    assert "Unknown target format 'parquet'" in capsys.readouterr().err


def test_augment_output_name_chooses_the_layout(src, tmp_path):
    from tools.augment.augment import augment_instructions
    from tools.data.formats import read_dataset

    out = augment_instructions(src, output=tmp_path / "more.jsonl").output
    assert read_dataset(out).format == "jsonl" and open(out, encoding="utf-8").read().startswith('{"prompt"')
    with pytest.raises(UserError, match="ends in .xlsx, but the format is csv"):
        augment_instructions(src, output=tmp_path / "more.xlsx", to="csv")
