#pragma once

#include <QImage>
#include <QLabel>
#include <QMessageBox>

class QTimer;

namespace citytwin::app
{

/// The pieces the report dialog and the template editor share.

/// A report page's picture, scaled to fit on a grey desk, and the short wait before it is painted again: request()
/// after each change, due() once the changes stop for the delay (options typed in quick succession repaint once).
/// GUI thread.
class PagePreview : public QLabel
{
    Q_OBJECT
public:
    PagePreview(int delayMs, QWidget* parent = nullptr);

    /// Asks for a new picture: due() follows delayMs after the last request.
    void request();
    /// Shows a page's picture (kept at its size, shown scaled to the room there is).
    void setImage(const QImage& image);
    const QImage& image() const { return mImage; }

signals:
    /// Time to paint the page again.
    void due();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showImage();

    QTimer* mTimer = nullptr;
    QImage mImage;
};

/// Shows a message box named name over parent, window-modal but not blocking (background work and tests go on),
/// deleted when closed; returns it.
QMessageBox* openMessage(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                         const char* name);

/// Names a widget (tests and style sheets find it by that name) and returns it.
template <class Widget> Widget* named(Widget* widget, const char* name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

} // namespace citytwin::app
