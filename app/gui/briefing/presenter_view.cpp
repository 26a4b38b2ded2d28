#include "app/gui/briefing/presenter_view.hpp"

#include "app/gui/tour_player.hpp"

#include <QLabel>
#include <QVBoxLayout>

namespace citytwin::app
{

PresenterView::PresenterView(TourPlayer& tours, QWidget* parent) : QWidget(parent, Qt::Window), mTours(tours)
{
    setObjectName(QStringLiteral("presenterView"));
    setWindowTitle(tr("Presenter"));
    setStyleSheet(QStringLiteral("background: #0b1220; color: #dfe8f2;"));
    auto* layout = new QVBoxLayout(this);
    mClock = new QLabel(this);
    mCurrent = new QLabel(this);
    mNotes = new QLabel(this);
    mNext = new QLabel(this);
    mClock->setStyleSheet(QStringLiteral("font-size: 22px; color: #8fb3d9;"));
    mCurrent->setStyleSheet(QStringLiteral("font-size: 34px; font-weight: bold;"));
    mNotes->setStyleSheet(QStringLiteral("font-size: 26px;"));
    mNext->setStyleSheet(QStringLiteral("font-size: 24px; color: #8fb3d9;"));
    for (QLabel* label : {mCurrent, mNotes, mNext})
        label->setWordWrap(true);
    layout->addWidget(mClock);
    layout->addWidget(mCurrent);
    layout->addWidget(mNotes, 1);
    layout->addWidget(mNext);
    mElapsed.start();
    mTick.setInterval(1000);
    connect(&mTick, &QTimer::timeout, this,
            [this]
            {
                const qint64 seconds = mElapsed.elapsed() / 1000;
                mClock->setText(tr("Briefing time %1:%2")
                                    .arg(seconds / 60, 2, 10, QLatin1Char('0'))
                                    .arg(seconds % 60, 2, 10, QLatin1Char('0')));
            });
    mTick.start();
    resize(900, 600);
}

void PresenterView::showStop(int index)
{
    if (index < 0 || index >= mTours.stopCount())
        return;
    const TourPlayer::Stop& stop = mTours.stopAt(index);
    mCurrent->setText(tr("Stop %1 of %2: %3").arg(index + 1).arg(mTours.stopCount()).arg(stop.caption));
    mNotes->setText(stop.notes);
    mNext->setText(index + 1 < mTours.stopCount() ? tr("Next: %1").arg(mTours.stopAt(index + 1).caption)
                                                  : tr("Next: the end of the tour"));
}

QString PresenterView::currentText() const
{
    return mCurrent->text() + QLatin1Char('\n') + mNotes->text();
}

QString PresenterView::nextText() const
{
    return mNext->text();
}

} // namespace citytwin::app
