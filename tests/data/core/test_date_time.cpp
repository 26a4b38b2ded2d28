#include "data/core/date_time.hpp"

#include <QTest>

using namespace citytwin::data;

class TestDateTime : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc");
        // Local times are China time (+08:00) unless they say otherwise.
        QTest::newRow("iso space") << "2024-03-05 14:23:05"
                                   << "2024-03-05T06:23:05.000Z";
        QTest::newRow("no seconds") << "2024-03-05 14:23"
                                    << "2024-03-05T06:23:00.000Z";
        QTest::newRow("slashes, short") << "2024/3/5 8:05"
                                        << "2024-03-05T00:05:00.000Z";
        QTest::newRow("iso T with Z") << "2024-03-05T14:23:05Z"
                                      << "2024-03-05T14:23:05.000Z";
        QTest::newRow("iso with offset") << "2024-03-05T14:23:05+08:00"
                                         << "2024-03-05T06:23:05.000Z";
        QTest::newRow("fraction") << "2024-03-05T14:23:05.250+08:00"
                                  << "2024-03-05T06:23:05.000Z";
        QTest::newRow("compact") << "20240305142305"
                                 << "2024-03-05T06:23:05.000Z";
        QTest::newRow("chinese") << "2024年3月5日 14时23分05秒"
                                 << "2024-03-05T06:23:05.000Z";
        QTest::newRow("chinese with colon") << "2024年3月5日 14:23"
                                            << "2024-03-05T06:23:00.000Z";
        QTest::newRow("date only") << "2024-03-05"
                                   << "2024-03-04T16:00:00.000Z";
        QTest::newRow("epoch seconds") << "1709619785"
                                       << "2024-03-05T06:23:05.000Z";
        QTest::newRow("epoch ms") << "1709619785123"
                                  << "2024-03-05T06:23:05.000Z";
        QTest::newRow("leap day") << "2024-02-29 00:00:00"
                                  << "2024-02-28T16:00:00.000Z";
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const auto seconds = parseDateTime(text.toStdString(), 480);
        QVERIFY2(seconds.has_value(), qPrintable(text));
        QCOMPARE(QString::fromStdString(formatUtc(*seconds)), utc);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("month 13") << "2024-13-01 10:00";
        QTest::newRow("february 30") << "2023-02-30";
        QTest::newRow("not leap") << "2023-02-29";
        QTest::newRow("hour 25") << "2024-03-05 25:00";
        QTest::newRow("words") << "yesterday";
        QTest::newRow("empty") << "";
        QTest::newRow("two-digit year") << "24-03-05";
    }

    void refuses()
    {
        QFETCH(QString, text);
        QVERIFY(!parseDateTime(text.toStdString(), 480).has_value());
    }

    void offsets()
    {
        QCOMPARE(parseUtcOffset("+08:00").value_or(-1), 480);
        QCOMPARE(parseUtcOffset("-0530").value_or(-1), -330);
        QCOMPARE(parseUtcOffset("UTC").value_or(-1), 0);
        QVERIFY(!parseUtcOffset("8").has_value());
    }
};

QTEST_GUILESS_MAIN(TestDateTime)
#include "test_date_time.moc"
