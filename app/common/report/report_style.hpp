#pragma once

#include <QColor>
#include <QFont>
#include <QString>

class QPainter;

namespace citytwin::app
{

/// The look every report shares: the font, sizes in points, colours.
namespace report_style
{
/// The family reports are set in: WenQuanYi Micro Hei where installed (its PDF text copies back as the same
/// characters), else Noto Sans CJK SC (whose shared radical glyphs make some characters copy as Kangxi radicals),
/// else the default sans.
QString fontFamily();

/// A font of the given size in points for a painter whose world unit is the millimetre (ReportPainter's); bold
/// only from 12 points up.
QFont font(const QPainter& painter, double points, bool bold = false);

/// Millimetres per point.
inline constexpr double MillimetresPerPoint = 25.4 / 72.0;

inline const QColor Ink{0x22, 0x27, 0x2e};
inline const QColor MutedInk{0x5f, 0x66, 0x70};
inline const QColor Rule{0xc9, 0xcd, 0xd2};
inline const QColor Accent{0x1f, 0x4e, 0x9a};
inline const QColor Up{0xc0, 0x39, 0x2b};   ///< a figure that grew (incidents: worse)
inline const QColor Down{0x1e, 0x84, 0x49}; ///< a figure that fell
inline const QColor Panel{0xf3, 0xf5, 0xf8};
} // namespace report_style

} // namespace citytwin::app
