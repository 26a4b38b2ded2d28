#pragma once

#include <array>
#include <functional>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

class QPainter;

namespace citytwin::app
{

/// One KPI tile: a title, the figure as shown (privacy applied), and its change against the previous period.
struct KpiTile
{
    QString key;
    QString title;
    QString value;
    QString change;    ///< "+12 (+8%)", empty when there is nothing to compare
    int direction = 0; ///< +1 up, -1 down, 0 level or unknown
    bool good = true;  ///< whether the change is good news (green) or not (red)
};

/// What the audience sees over the 3D view in briefing mode: a header (title and data date), KPI tiles with a
/// 30-day chart tile, the stop's caption, the stop counter, a ticker of the newest incidents, pulses where they
/// were reported, or a black screen. Sizes follow the widget's height (one unit is a hundredth of it), so the type
/// reads the same from across the room on a 1080p screen and on a 4K one; tiles reflow to the width (one row on a
/// video wall). It lets the mouse through to the view. GUI thread.
class BriefingOverlay : public QWidget
{
    Q_OBJECT
public:
    explicit BriefingOverlay(QWidget* parent);

    /// Where a world point is on the widget (logical pixels), or nothing when it is behind the camera.
    using Projector = std::function<std::optional<QPointF>(double x, double y, double z)>;
    void setProjector(Projector projector) { mProjector = std::move(projector); }

    void setHeader(const QString& title, const QString& dataDate);
    void setTiles(const QList<KpiTile>& tiles);
    /// The 30-day chart tile: counts per day, oldest first (empty: no chart tile).
    void setTrend(const QVector<double>& daily, const QString& title);
    void setCaption(const QString& caption);
    void setStopLabel(const QString& label);
    /// Puts lines at the top of the ticker (newest first); the ticker keeps the last few.
    void addTickerLines(const QStringList& lines);
    /// Starts a pulse at each world point (they fade after a few seconds).
    void addPulses(const std::vector<std::array<double, 3>>& points);
    void setBlank(bool blank);

    bool isBlank() const { return mBlank; }
    QString caption() const { return mCaption; }
    QStringList tickerLines() const { return mTicker; }
    const QList<KpiTile>& tiles() const { return mTiles; }
    int activePulses() const { return static_cast<int>(mPulses.size()); }

    /// How far the header and tiles reach down from the top, and the caption up from the bottom, on the left and
    /// right (logical pixels, as last painted): what the view's own legend, arrow and scale bar keep clear of.
    struct Reserved
    {
        double leftTop = 0.0;
        double rightTop = 0.0;
        double leftBottom = 0.0;
        bool operator==(const Reserved&) const = default;
    };
    Reserved reserved() const { return mReserved; }

    /// Lines the ticker keeps.
    static constexpr int TickerLines = 4;
    /// How long a pulse lasts, seconds.
    static constexpr double PulseSeconds = 6.0;

signals:
    /// What reserved() returns changed.
    void reservedChanged();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Pulse
    {
        std::array<double, 3> world;
        qint64 startedMs;
    };
    /// Paints the title, the data date and the stop counter; returns the header's bottom edge.
    double paintHeader(QPainter& painter, double unit);
    /// Paints the tiles (and the chart tile) right-aligned along the top; returns their bottom edge.
    double paintTiles(QPainter& painter, double unit);
    void paintTile(QPainter& painter, const QRectF& box, const KpiTile& tile, double unit);
    void paintTrend(QPainter& painter, const QRectF& box, double unit);
    /// Paints the caption; returns its top edge.
    double paintCaption(QPainter& painter, double unit);
    void paintTicker(QPainter& painter, double unit);
    void paintPulses(QPainter& painter, double unit);

    Projector mProjector;
    QString mTitle;
    QString mDataDate;
    QList<KpiTile> mTiles;
    QVector<double> mTrend;
    QString mTrendTitle;
    QString mCaption;
    QString mStopLabel;
    QStringList mTicker;
    qint64 mTickerFreshUntilMs = 0;
    std::vector<Pulse> mPulses;
    QElapsedTimer mClock;
    QTimer mAnimation;
    bool mBlank = false;
    Reserved mReserved;
};

} // namespace citytwin::app
