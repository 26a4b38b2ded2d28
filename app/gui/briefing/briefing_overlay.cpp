#include "app/gui/briefing/briefing_overlay.hpp"

#include <algorithm>
#include <cmath>

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace citytwin::app
{
namespace
{
const QColor TileFill(8, 18, 36, 205);
const QColor TileEdge(70, 170, 230, 150);
const QColor TitleText(170, 195, 220);
const QColor ValueText(245, 250, 255);
const QColor GoodChange(80, 215, 130);
const QColor BadChange(255, 105, 90);
const QColor FlatChange(170, 185, 200);
const QColor PulseColor(255, 90, 60);
const QColor LiveRed(255, 70, 60);

/// A font of the interface at a pixel size (Chinese from Noto Sans CJK when the default lacks it).
QFont sizedFont(double pixels, bool bold = false)
{
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

void fillPanel(QPainter& painter, const QRectF& box, double unit)
{
    painter.setPen(QPen(TileEdge, std::max(1.0, 0.12 * unit)));
    painter.setBrush(TileFill);
    painter.drawRoundedRect(box, 0.8 * unit, 0.8 * unit);
}

/// The font for one line of text at a size, shrunk (to at most 75 %) until the text fits the width; what still
/// does not fit is elided by the caller.
QFont fittingFont(const QString& text, double pixels, double width)
{
    QFont font = sizedFont(pixels);
    const double smallest = 0.75 * pixels;
    while (QFontMetricsF(font).horizontalAdvance(text) > width && pixels > smallest)
        font = sizedFont(pixels *= 0.95);
    return font;
}

/// Paints a tile's panel and its title; returns the room left inside it.
QRectF paintTileFrame(QPainter& painter, const QRectF& box, const QString& title, double unit)
{
    fillPanel(painter, box, unit);
    const double pad = 1.2 * unit;
    const QRectF inner = box.adjusted(pad, 0.8 * unit, -pad, -0.8 * unit);
    painter.setFont(fittingFont(title, 1.9 * unit, inner.width()));
    painter.setPen(TitleText);
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 2.8 * unit), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font()).elidedText(title, Qt::ElideRight, inner.width()));
    return inner;
}

/// Tile geometry, in units.
constexpr double Margin = 2.0;
constexpr double TileWidth = 20.0;
constexpr double TileHeight = 11.5;
constexpr double Gap = 1.0;
} // namespace

BriefingOverlay::BriefingOverlay(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("briefingOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    mClock.start();
    // Pulses and the fresh ticker line animate; nothing repaints while they are still.
    mAnimation.setInterval(40);
    connect(&mAnimation, &QTimer::timeout, this,
            [this]
            {
                const qint64 now = mClock.elapsed();
                std::erase_if(mPulses, [now](const Pulse& pulse)
                              { return now - pulse.startedMs > static_cast<qint64>(PulseSeconds * 1000.0); });
                if (mPulses.empty() && now > mTickerFreshUntilMs)
                    mAnimation.stop();
                update();
            });
}

void BriefingOverlay::setHeader(const QString& title, const QString& dataDate)
{
    mTitle = title;
    mDataDate = dataDate;
    update();
}

void BriefingOverlay::setTiles(const QList<KpiTile>& tiles)
{
    mTiles = tiles;
    update();
}

void BriefingOverlay::setTrend(const QVector<double>& daily, const QString& title)
{
    mTrend = daily;
    mTrendTitle = title;
    update();
}

void BriefingOverlay::setCaption(const QString& caption)
{
    mCaption = caption;
    update();
}

void BriefingOverlay::setStopLabel(const QString& label)
{
    mStopLabel = label;
    update();
}

void BriefingOverlay::addTickerLines(const QStringList& lines)
{
    if (lines.isEmpty())
        return;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        mTicker.prepend(*it);
    while (mTicker.size() > TickerLines)
        mTicker.removeLast();
    mTickerFreshUntilMs = mClock.elapsed() + 8000;
    mAnimation.start();
    update();
}

void BriefingOverlay::addPulses(const std::vector<std::array<double, 3>>& points)
{
    const qint64 now = mClock.elapsed();
    for (const auto& point : points)
        mPulses.push_back({point, now});
    if (!mPulses.empty())
        mAnimation.start();
    update();
}

void BriefingOverlay::setBlank(bool blank)
{
    mBlank = blank;
    update();
}

void BriefingOverlay::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (mBlank)
    {
        painter.fillRect(rect(), Qt::black);
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const double unit = height() / 100.0;
    paintPulses(painter, unit);
    const Reserved reserved{paintHeader(painter, unit), paintTiles(painter, unit),
                            height() - paintCaption(painter, unit)};
    paintTicker(painter, unit);
    if (!(reserved == mReserved))
    {
        mReserved = reserved;
        emit reservedChanged();
    }
}

double BriefingOverlay::paintHeader(QPainter& painter, double unit)
{
    if (mTitle.isEmpty())
        return 0.0;
    const QFont titleFont = sizedFont(3.6 * unit, true), lineFont = sizedFont(2.0 * unit);
    const QFontMetricsF titleMetrics(titleFont), lineMetrics(lineFont);
    QStringList lines;
    for (const QString& line : {mDataDate, mStopLabel})
        if (!line.isEmpty())
            lines << line;
    double width = titleMetrics.horizontalAdvance(mTitle);
    for (const QString& line : lines)
        width = std::max(width, lineMetrics.horizontalAdvance(line));
    const QRectF box(Margin * unit, Margin * unit, width + 3.0 * unit,
                     titleMetrics.height() + lines.size() * lineMetrics.height() + 2.0 * unit);
    fillPanel(painter, box, unit);
    painter.setFont(titleFont);
    painter.setPen(ValueText);
    double y = box.top() + unit;
    painter.drawText(QPointF(box.left() + 1.5 * unit, y + titleMetrics.ascent()), mTitle);
    y += titleMetrics.height();
    painter.setFont(lineFont);
    painter.setPen(TitleText);
    for (const QString& line : lines)
    {
        painter.drawText(QPointF(box.left() + 1.5 * unit, y + lineMetrics.ascent()), line);
        y += lineMetrics.height();
    }
    return box.bottom();
}

double BriefingOverlay::paintTiles(QPainter& painter, double unit)
{
    const int cells = static_cast<int>(mTiles.size()) + (mTrend.isEmpty() ? 0 : 2);
    if (cells == 0)
        return 0.0;
    // Tiles fill the top right, as many per row as about 60% of the width holds (one row on a wide wall).
    const double cell = (TileWidth + Gap) * unit;
    const int perRow = std::clamp(static_cast<int>(std::floor((width() * 0.62) / cell)), 2, cells);
    // Read left to right from the block's left edge, the block against the right margin.
    const double left = width() - Margin * unit - std::min(cells, perRow) * cell + Gap * unit;
    int slot = 0;
    double bottom = 0.0;
    auto place = [&](int span)
    {
        if (slot % perRow + span > perRow)
            slot += perRow - slot % perRow; // a two-cell tile does not split over rows
        const int row = slot / perRow, column = slot % perRow;
        slot += span;
        const double x = left + column * cell;
        const double y = Margin * unit + row * (TileHeight + Gap) * unit;
        bottom = std::max(bottom, y + TileHeight * unit);
        return QRectF(x, y, span * cell - Gap * unit, TileHeight * unit);
    };
    for (const KpiTile& tile : mTiles)
        paintTile(painter, place(1), tile, unit);
    if (!mTrend.isEmpty())
        paintTrend(painter, place(2), unit);
    return bottom;
}

void BriefingOverlay::paintTile(QPainter& painter, const QRectF& box, const KpiTile& tile, double unit)
{
    const QRectF inner = paintTileFrame(painter, box, tile.title, unit);
    // The value shrinks to fit the tile.
    double valueSize = 5.2 * unit;
    QFont valueFont = sizedFont(valueSize, true);
    while (QFontMetricsF(valueFont).horizontalAdvance(tile.value) > inner.width() && valueSize > 2.0 * unit)
        valueFont = sizedFont(valueSize *= 0.9, true);
    painter.setFont(valueFont);
    painter.setPen(ValueText);
    painter.drawText(QRectF(inner.left(), inner.top() + 2.8 * unit, inner.width(), 5.6 * unit),
                     Qt::AlignLeft | Qt::AlignVCenter, tile.value);
    if (tile.change.isEmpty())
        return;
    const QColor color = tile.direction == 0 ? FlatChange : (tile.good ? GoodChange : BadChange);
    const QString arrow = tile.direction > 0   ? QStringLiteral("▲ ")
                          : tile.direction < 0 ? QStringLiteral("▼ ")
                                               : QStringLiteral("■ ");
    painter.setFont(fittingFont(arrow + tile.change, 1.6 * unit, inner.width()));
    painter.setPen(color);
    painter.drawText(QRectF(inner.left(), inner.bottom() - 2.4 * unit, inner.width(), 2.4 * unit),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font()).elidedText(arrow + tile.change, Qt::ElideRight, inner.width()));
}

void BriefingOverlay::paintTrend(QPainter& painter, const QRectF& box, double unit)
{
    const QRectF inner = paintTileFrame(painter, box, mTrendTitle, unit);
    const QRectF plot(inner.left(), inner.top() + 3.4 * unit, inner.width(), inner.height() - 3.6 * unit);
    const double top = std::max(1.0, *std::max_element(mTrend.begin(), mTrend.end()));
    const double barWidth = plot.width() / mTrend.size();
    for (int i = 0; i < mTrend.size(); ++i)
    {
        const double h = plot.height() * mTrend[i] / top;
        const bool last = i + 1 == mTrend.size();
        painter.fillRect(QRectF(plot.left() + i * barWidth + 0.12 * barWidth, plot.bottom() - h, 0.76 * barWidth, h),
                         last ? QColor(255, 190, 80) : QColor(90, 180, 240));
    }
}

double BriefingOverlay::paintCaption(QPainter& painter, double unit)
{
    if (mCaption.isEmpty())
        return height();
    const QFont font = sizedFont(3.4 * unit, true);
    const double maxWidth = std::min(width() * 0.6, 110.0 * unit);
    const QFontMetricsF metrics(font);
    // Measured with a little room to spare, so that drawing wraps exactly as measured.
    const QRectF text = metrics.boundingRect(QRectF(0, 0, maxWidth, 40.0 * unit), Qt::TextWordWrap, mCaption);
    const QSizeF room(std::ceil(text.width()) + 2.0, std::ceil(text.height()));
    const QRectF box(Margin * unit, height() - Margin * unit - room.height() - 2.4 * unit, room.width() + 3.0 * unit,
                     room.height() + 2.4 * unit);
    fillPanel(painter, box, unit);
    // An accent bar on the caption's left edge.
    painter.fillRect(QRectF(box.left(), box.top() + 0.8 * unit, 0.45 * unit, box.height() - 1.6 * unit),
                     QColor(70, 190, 255));
    painter.setFont(font);
    painter.setPen(ValueText);
    painter.drawText(QRectF(QPointF(box.left() + 1.8 * unit, box.top() + 1.2 * unit), room), Qt::TextWordWrap,
                     mCaption);
    return box.top();
}

void BriefingOverlay::paintTicker(QPainter& painter, double unit)
{
    if (mTicker.isEmpty())
        return;
    const QFont font = sizedFont(2.0 * unit);
    const QFontMetricsF metrics(font);
    double textWidth = 0.0;
    for (const QString& line : mTicker)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(line));
    const double lineHeight = metrics.height() * 1.25;
    const double w = std::min(textWidth + 6.0 * unit, width() * 0.36);
    const double h = lineHeight * mTicker.size() + 2.0 * unit;
    const QRectF box(width() - Margin * unit - w, height() - Margin * unit - h, w, h);
    fillPanel(painter, box, unit);
    painter.setFont(font);
    const bool fresh = mClock.elapsed() < mTickerFreshUntilMs;
    for (int i = 0; i < mTicker.size(); ++i)
    {
        const double y = box.top() + unit + i * lineHeight;
        if (i == 0)
        {
            // The live dot: blinking while the newest line is fresh.
            const bool lit = !fresh || (mClock.elapsed() / 500) % 2 == 0;
            painter.setPen(Qt::NoPen);
            painter.setBrush(lit ? LiveRed : LiveRed.darker(250));
            painter.drawEllipse(QPointF(box.left() + 2.0 * unit, y + lineHeight / 2), 0.7 * unit, 0.7 * unit);
        }
        painter.setPen(i == 0 ? ValueText : TitleText);
        painter.drawText(QRectF(box.left() + 3.6 * unit, y, box.width() - 4.6 * unit, lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(mTicker[i], Qt::ElideRight, box.width() - 4.6 * unit));
    }
}

void BriefingOverlay::paintPulses(QPainter& painter, double unit)
{
    if (!mProjector)
        return;
    const qint64 now = mClock.elapsed();
    painter.setBrush(Qt::NoBrush);
    for (const Pulse& pulse : mPulses)
    {
        const auto at = mProjector(pulse.world[0], pulse.world[1], pulse.world[2]);
        if (!at)
            continue;
        const double t = (now - pulse.startedMs) / 1000.0;
        // Three rings a second apart, each growing and fading over 1.5 s.
        for (int ring = 0; ring < 3; ++ring)
        {
            const double phase = std::fmod(t + ring * 0.5, 1.5) / 1.5;
            QColor color = PulseColor;
            color.setAlphaF(std::clamp((1.0 - phase) * (1.0 - t / PulseSeconds), 0.0, 1.0));
            painter.setPen(QPen(color, 0.35 * unit));
            painter.drawEllipse(*at, (0.6 + 4.0 * phase) * unit, (0.6 + 4.0 * phase) * unit);
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(PulseColor);
        painter.drawEllipse(*at, 0.55 * unit, 0.55 * unit);
        painter.setBrush(Qt::NoBrush);
    }
}

} // namespace citytwin::app
