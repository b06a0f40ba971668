#pragma once
// A one-line label with several wordings, longest first: it shows the longest that fits its width.
// The shortest sets its minimum width, so a narrow window (a 1024-pixel projector in presentation
// mode) loses detail instead of growing past the screen. With word wrap on, it is a plain QLabel
// showing the first wording.

#include <QLabel>
#include <QStringList>

namespace ui {

class FittingLabel : public QLabel {
    Q_OBJECT
public:
    explicit FittingLabel(const QStringList &wordings, QWidget *parent = nullptr);

    void setWordings(const QStringList &wordings);
    // Call after setWordWrap (not virtual in QLabel): the hints and the wording follow it.
    void refit();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QSize hintFor(const QString &wording) const;
    void chooseWording();

    QStringList m_wordings;
};

} // namespace ui
