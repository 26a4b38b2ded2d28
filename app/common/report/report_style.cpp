#include "app/common/report/report_style.hpp"

#include <QFontDatabase>
#include <QPaintDevice>
#include <QPainter>

namespace citytwin::app::report_style
{

QString fontFamily()
{
    static const QString family = []
    {
        const QStringList families = QFontDatabase::families();
        for (const char* wanted : {"WenQuanYi Micro Hei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Droid Sans Fallback"})
            if (families.contains(QLatin1String(wanted)))
                return QString::fromLatin1(wanted);
        return QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
    }();
    return family;
}

QFont font(const QPainter& painter, double points, bool bold)
{
    QFont font(fontFamily());
    // The painter's world unit is the millimetre: a font of p points is laid out p * dpi / 72 world units tall, and
    // should be points * 25.4 / 72 millimetres.
    const int dpi = painter.device() ? painter.device()->logicalDpiY() : 72;
    font.setPointSizeF(points * 25.4 / std::max(1, dpi));
    // Synthetic bold (the CJK faces have no bold of their own) smears small text: only titles are bold.
    font.setBold(bold && points >= 12.0);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

} // namespace citytwin::app::report_style
