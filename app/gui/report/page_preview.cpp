#include "app/gui/report/page_preview.hpp"

#include <QPixmap>
#include <QTimer>

namespace citytwin::app
{

PagePreview::PagePreview(int delayMs, QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("preview"));
    setAlignment(Qt::AlignCenter);
    setMinimumSize(360, 360);
    // Ignored: the picture follows the room the layout gives, never the other way round.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("QLabel#preview { background: #8a8f98; }"));
    mTimer = new QTimer(this);
    mTimer->setSingleShot(true);
    mTimer->setInterval(delayMs);
    connect(mTimer, &QTimer::timeout, this, &PagePreview::due);
}

void PagePreview::request()
{
    mTimer->start();
}

void PagePreview::setImage(const QImage& image)
{
    mImage = image;
    if (mImage.isNull())
        setPixmap(QPixmap());
    showImage();
}

void PagePreview::showImage()
{
    if (mImage.isNull())
        return;
    const QSize room = (contentsRect().size() - QSize(12, 12)).expandedTo(QSize(16, 16));
    setPixmap(QPixmap::fromImage(mImage.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void PagePreview::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    showImage();
}

QMessageBox* openMessage(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                         const char* name)
{
    auto* box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QLatin1String(name));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace citytwin::app
