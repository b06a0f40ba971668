#pragma once
// The status bar's one line about the data: elided with "…" when the window is narrow (a projector
// at 1024x640 with large fonts), the whole of it in the tooltip, and, when a load failed, a Details
// button that shows the full reason in a non-modal box, so the class does not wait on a dialog.

#include <QWidget>

class QMessageBox;
class QPushButton;

namespace ui {

class StatusLine : public QWidget {
    Q_OBJECT
public:
    explicit StatusLine(QWidget *parent = nullptr);

    // text: one line; details: the full story (empty when there is nothing more to say).
    void setStatus(const QString &text, const QString &details = QString());
    QString text() const { return m_text; }
    QString details() const { return m_details; }
    // The text as it fits the line now, elided or whole.
    QString shownText() const;
    QPushButton *detailsButton() const { return m_button; }
    // Opens (or refreshes) the non-modal box with the details.
    void showDetails();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QRect textRect() const;
    void placeButton();

    QString m_text;
    QString m_details;
    QPushButton *m_button;
    QMessageBox *m_box = nullptr;
};

} // namespace ui
