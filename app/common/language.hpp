#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace citytwin::app
{

/// Installs and switches the user-interface language: our catalogue (":/i18n/citytwin_<lang>.qm") and Qt's
/// own (qtbase_<lang>). Switching sends QEvent::LanguageChange to every widget.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::Language)
public:
    /// Returns the languages we ship: "zh_CN" and "en".
    static QStringList available();

    /// Returns "zh_CN" when the system locale is Chinese, else "en".
    static QString systemLanguage();

    /// Returns the display name of a language in that language ("简体中文", "English").
    static QString nativeName(const QString& language);

    /// Installs the translators of language (one of available()); returns false if it is unknown.
    bool install(const QString& language);

    QString current() const { return mCurrent; }

private:
    QTranslator mOwn;
    QTranslator mQt;
    QString mCurrent;
};

} // namespace citytwin::app
