"""eventx.spark against a real local Spark session (deselect with ``-m "not spark"``)."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from generated import articles

pytestmark = [
    pytest.mark.spark,
    pytest.mark.slow,
    # pyspark's own notices about pandas 3, not about eventx
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

pyspark = pytest.importorskip("pyspark")
pd = pytest.importorskip("pandas")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java", allow_module_level=True)

import eventx  # noqa: E402
from eventx import rows  # noqa: E402
from eventx.spark import event_schema, extract_events  # noqa: E402

RECORDS = articles(240, seed=41, min_words=120, max_words=260)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # the Python workers must be this interpreter, which has eventx installed
    mp = pytest.MonkeyPatch()
    mp.setenv("PYSPARK_PYTHON", sys.executable)
    mp.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("eventx-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "50")
        .getOrCreate()
    )
    yield session
    session.stop()
    mp.undo()


@pytest.fixture(scope="module")
def articles_df(spark):
    return spark.createDataFrame(pd.DataFrame(RECORDS)).repartition(2)


@pytest.fixture(scope="module")
def expected():
    return eventx.extract_frame(pd.DataFrame(RECORDS), lang_col="lang",
                                published_col="published", id_col="id")


def _key(df):
    return df.sort_values(["id", "evidence_start", "type"]).reset_index(drop=True)


def test_events_match_pandas(articles_df, expected):
    out = extract_events(articles_df, lang_col="lang", published_col="published", id_col="id")
    assert out.schema == event_schema(articles_df.schema["id"].dataType)
    assert out.columns == ["id", *rows.column_names()]
    got = out.toPandas()
    assert len(got) == len(expected) > 0
    g, e = _key(got), _key(expected)
    for col in ("id", "type", "company_name", "status", "lang", "evidence_text",
                "evidence_start", "evidence_end", "amount_currency", "horizon_duration"):
        assert g[col].astype(object).where(g[col].notna(), None).tolist() == \
            e[col].astype(object).where(e[col].notna(), None).tolist(), col
    assert g["amount_value"].fillna(-1).tolist() == e["amount_value"].astype(float).fillna(-1).tolist()


def test_bad_rows_skipped_and_no_id_column(spark):
    recs = [{"text": r["text"], "lang": r["lang"]} for r in RECORDS[:20]]
    recs[3] = {"text": None, "lang": "de"}
    recs[4] = {"text": "Hallo", "lang": "fr"}
    df = spark.createDataFrame(recs, "text string, lang string")
    out = extract_events(df, lang_col="lang", errors="skip")
    assert out.columns == rows.column_names()
    want = sum(len(eventx.extract(r["text"], r["lang"])) for i, r in enumerate(recs)
               if i not in (3, 4))
    assert out.count() == want


def test_arguments_checked_before_any_job(articles_df):
    with pytest.raises(ValueError):
        extract_events(articles_df, text_col="body")
    with pytest.raises(ValueError):
        extract_events(articles_df, lang="fr")
    with pytest.raises(ValueError):
        extract_events(articles_df, errors="ignore")
