#pragma once

#include "common/mixed_geopackage.hpp"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTextStream>

#include <vector>

namespace citytwin::test
{

/// One input of the broken-input corpus (tests/broken/make_corpus.py).
struct BrokenInput
{
    QString name;    ///< the sub-folder, e.g. "gpkg-truncated"
    QString path;    ///< absolute path of the file to open
    bool mustFail;   ///< "error": every entry point refuses it; else it may open (huge, repaired, partly readable)
    QString problem; ///< what is wrong with it, for failure messages
};

/// Writes the corpus of broken and hostile inputs into a temporary folder with the generator script (Python's
/// standard library only) and a valid GeoPackage made by the tests' fixture.
class BrokenCorpus
{
public:
    BrokenCorpus()
    {
        if (!mDir.isValid() || !mValid.ok())
            return;
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QProcess generator;
        generator.start(python, {QStringLiteral(CITYTWIN_SOURCE_DIR "/tests/broken/make_corpus.py"),
                                 mDir.filePath(QStringLiteral("corpus")), mValid.path()});
        if (python.isEmpty() || !generator.waitForFinished(120000) || generator.exitCode() != 0)
        {
            mError = QString::fromLocal8Bit(generator.readAllStandardError());
            return;
        }
        QFile index(mDir.filePath(QStringLiteral("corpus/corpus.tsv")));
        if (!index.open(QIODevice::ReadOnly))
            return;
        QTextStream lines(&index);
        while (!lines.atEnd())
        {
            const QStringList parts = lines.readLine().split(QLatin1Char('\t'));
            if (parts.size() == 4)
                mInputs.push_back({parts[0], mDir.filePath(QStringLiteral("corpus/") + parts[1]),
                                   parts[2] == QLatin1String("error"), parts[3]});
        }
    }

    const std::vector<BrokenInput>& inputs() const { return mInputs; }
    QString error() const { return mError; }
    QString scratch(const QString& name) const { return mDir.filePath(name); }

    /// What a folder holds: each file's relative path with its size and modification time, to show that
    /// opening an input wrote nothing beside it and changed nothing.
    static QMap<QString, QString> snapshot(const QString& folder)
    {
        QMap<QString, QString> files;
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
        {
            it.next();
            const QFileInfo info = it.fileInfo();
            files.insert(QDir(folder).relativeFilePath(info.filePath()),
                         QStringLiteral("%1 %2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch()));
        }
        return files;
    }

private:
    QTemporaryDir mDir;
    MixedGeoPackage mValid;
    std::vector<BrokenInput> mInputs;
    QString mError;
};

} // namespace citytwin::test
