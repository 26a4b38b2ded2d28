// Replays the fuzzers' seed corpus (tests/fuzz/corpus) and every input they found (tests/fuzz/regressions) through
// the same entry functions the libFuzzer targets call (tests/fuzz/fuzz_*.cpp, built here without libFuzzer), so a
// fixed find stays fixed in the normal suite (issue 15). A file named ok_* must be accepted and bad_* refused; every
// file must pass without a crash, a sanitizer report (in the asan build) or a broken invariant.

#include "fuzz/fuzz_targets.hpp"

#include <exception>
#include <string>

#include <QDir>
#include <QFile>
#include <QTest>

using namespace citytwin;

namespace
{
using EntryFunction = fuzz::Outcome (*)(std::string_view);

struct Target
{
    const char* name; ///< the folder under tests/fuzz/corpus and tests/fuzz/regressions
    EntryFunction entry;
};

const Target Targets[] = {
    {"incident_import", fuzz::incidentImport},
    {"filter_json", fuzz::filterJson},
    {"gpkg_geometry", fuzz::gpkgGeometry},
    {"oblique_metadata", fuzz::obliqueMetadata},
    {"tileset", fuzz::tileset},
    {"report_template", fuzz::reportTemplate},
    {"tile_content", fuzz::tileContent},
};

const QString FuzzFolder = QStringLiteral(CITYTWIN_SOURCE_DIR "/tests/fuzz");
} // namespace

class TestFuzzInputs : public QObject
{
    Q_OBJECT
private slots:
    void everyTargetHasSeeds()
    {
        for (const Target& target : Targets)
        {
            const QDir corpus(FuzzFolder + QStringLiteral("/corpus/") + QLatin1String(target.name));
            QVERIFY2(corpus.entryList(QDir::Files).size() >= 3, target.name);
        }
    }

    void replay_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("path");
        for (int t = 0; t < static_cast<int>(std::size(Targets)); ++t)
            for (const char* kind : {"corpus", "regressions"})
            {
                const QDir folder(FuzzFolder + '/' + QLatin1String(kind) + '/' + QLatin1String(Targets[t].name));
                for (const QString& file : folder.entryList(QDir::Files, QDir::Name))
                    QTest::addRow("%s/%s/%s", Targets[t].name, kind, qPrintable(file)) << t << folder.filePath(file);
            }
    }

    void replay()
    {
        QFETCH(int, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        fuzz::Outcome outcome = fuzz::Outcome::Refused;
        try
        {
            outcome =
                Targets[target].entry(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        }
        catch (const std::exception& error)
        {
            QFAIL(qPrintable(path + QStringLiteral(": ") + QString::fromUtf8(error.what())));
        }
        const QString name = QFileInfo(path).fileName();
        if (name.startsWith(QStringLiteral("ok_")))
            QVERIFY2(outcome == fuzz::Outcome::Accepted, qPrintable(name + QStringLiteral(" was refused")));
        if (name.startsWith(QStringLiteral("bad_")))
            QVERIFY2(outcome == fuzz::Outcome::Refused, qPrintable(name + QStringLiteral(" was accepted")));
    }
};

QTEST_GUILESS_MAIN(TestFuzzInputs)
#include "test_fuzz_inputs.moc"
