#include "app/common/logging.hpp"

#include "data/core/log.hpp"

#include <string>

#include <QLoggingCategory>

#include <osg/Notify>

namespace citytwin::app
{
namespace
{
Q_LOGGING_CATEGORY(logData, "citytwin.data")
Q_LOGGING_CATEGORY(logOsg, "citytwin.osg")

void forward(const QLoggingCategory& category, data::LogLevel level, const QString& text)
{
    switch (level)
    {
    case data::LogLevel::Error:
        qCCritical(category).noquote() << text;
        break;
    case data::LogLevel::Warning:
        qCWarning(category).noquote() << text;
        break;
    case data::LogLevel::Info:
        qCInfo(category).noquote() << text;
        break;
    default:
        qCDebug(category).noquote() << text;
        break;
    }
}

class OsgNotifyHandler : public osg::NotifyHandler
{
public:
    void notify(osg::NotifySeverity severity, const char* message) override
    {
        QString text = QString::fromLocal8Bit(message).trimmed();
        if (text.isEmpty())
            return;
        // OSG's warnings (a tile it cannot read) come back as our own messages too: information, like GDAL's.
        const data::LogLevel level = severity <= osg::WARN ? data::LogLevel::Info : data::LogLevel::Debug;
        forward(logOsg(), level, QStringLiteral("[osg] ") + text);
    }
};
} // namespace

void installLogging()
{
    // Information and debugging messages only when asked for (QT_LOGGING_RULES="citytwin.*=true").
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("citytwin.*.debug=false\ncitytwin.*.info=false"));
    data::setLogSink(
        [](data::LogLevel level, std::string_view category, std::string_view message)
        {
            forward(logData(), level,
                    QStringLiteral("[%1] %2").arg(
                        QString::fromUtf8(category.data(), static_cast<qsizetype>(category.size())),
                        QString::fromUtf8(message.data(), static_cast<qsizetype>(message.size()))));
        });
    data::routeLibraryDiagnostics();
    osg::setNotifyLevel(osg::WARN);
    osg::setNotifyHandler(new OsgNotifyHandler);
}

} // namespace citytwin::app
