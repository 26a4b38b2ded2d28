#include "app/common/language.hpp"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using citytwin::app::Language;

/// The zh_CN catalogue is built into the program, loads, and is complete.
class TestTranslation : public QObject
{
    Q_OBJECT
private slots:
    void loadsChinese()
    {
        Language language;
        QVERIFY(language.install(QStringLiteral("zh_CN")));
        QCOMPARE(language.current(), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("citytwin::app::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QCOMPARE(QCoreApplication::translate("citytwin::app::LayersDock", "Layers"), QStringLiteral("图层"));
        QCOMPARE(QCoreApplication::translate("citytwin::app::InspectorDock", "Inspector"), QStringLiteral("属性查看"));
    }

    void switchesBackToEnglish()
    {
        Language language;
        QVERIFY(language.install(QStringLiteral("zh_CN")));
        QVERIFY(language.install(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("citytwin::app::MainWindow", "&File"), QStringLiteral("&File"));
    }

    void refusesUnknownLanguages()
    {
        Language language;
        QVERIFY(!language.install(QStringLiteral("fr")));
    }

    void pluralFormsAreTranslated()
    {
        Language language;
        QVERIFY(language.install(QStringLiteral("zh_CN")));
        const QString text = QCoreApplication::translate("citytwin::app::LayersDock", "%1 (%n feature(s))", nullptr, 3);
        QCOMPARE(text.arg(QStringLiteral("x")), QStringLiteral("x（3 个要素）"));
        QVERIFY(language.install(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("citytwin::app::LayersDock", "%1 (%n feature(s))", nullptr, 1)
                     .arg(QStringLiteral("x")),
                 QStringLiteral("x (1 feature)"));
    }

    void everyChineseMessageIsFinished()
    {
        for (const char* name : {"citytwin_zh_CN.ts", "citytwin_en.ts"})
        {
            QFile file(QStringLiteral(CITYTWIN_SOURCE_DIR "/translations/") + QLatin1String(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            const int messages = static_cast<int>(text.count(QStringLiteral("<message")));
            QVERIFY2(messages > 40, qPrintable(QStringLiteral("%1 has only %2 messages").arg(name).arg(messages)));
            QVERIFY2(!text.contains(QStringLiteral("type=\"unfinished\"")),
                     qPrintable(QStringLiteral("%1 has unfinished translations").arg(name)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslation)
#include "test_translation.moc"
