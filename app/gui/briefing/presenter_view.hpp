#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace citytwin::app
{
class TourPlayer;

/// The presenter's screen while briefing on another one: the stop shown (its number, caption and notes), the next
/// stop's caption, and the time since the briefing began; the clicker keys work here too. GUI thread.
class PresenterView : public QWidget
{
    Q_OBJECT
public:
    PresenterView(TourPlayer& tours, QWidget* parent = nullptr);

    /// Shows a stop of the loaded tour.
    void showStop(int index);
    QString currentText() const;
    QString nextText() const;

private:
    TourPlayer& mTours;
    QLabel* mCurrent = nullptr;
    QLabel* mNotes = nullptr;
    QLabel* mNext = nullptr;
    QLabel* mClock = nullptr;
    QElapsedTimer mElapsed;
    QTimer mTick;
};

} // namespace citytwin::app
