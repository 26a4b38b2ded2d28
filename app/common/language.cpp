#include "app/common/language.hpp"

#include <QLibraryInfo>
#include <QLocale>

namespace citytwin::app
{

QStringList Language::available()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString Language::systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString Language::nativeName(const QString& language)
{
    return language == QLatin1String("zh_CN") ? QStringLiteral("简体中文") : QStringLiteral("English");
}

bool Language::install(const QString& language)
{
    if (!available().contains(language))
        return false;
    QCoreApplication::removeTranslator(&mOwn);
    QCoreApplication::removeTranslator(&mQt);
    if (mOwn.load(QStringLiteral(":/i18n/citytwin_") + language))
        QCoreApplication::installTranslator(&mOwn);
    if (mQt.load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&mQt);
    mCurrent = language;
    QLocale::setDefault(QLocale(language));
    return true;
}

} // namespace citytwin::app
