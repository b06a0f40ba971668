// The phase caption's corner: top-right unless it would hide more arrow tips there than at the
// bottom-right; never over the det readout or the hint line; no flicker between equal corners.

#include "ui/geometry/captionplacement.h"

#include <QTest>

using ui::CaptionRoom;
using ui::placeCaption;

class TestCaptionPlacement : public QObject {
    Q_OBJECT

    const QSizeF m_size{200, 40};
    const CaptionRoom m_room{QRectF(0, 0, 800, 600), 10, QRectF(10, 10, 300, 50), 20};

private slots:
    void homeIsTheTopRightCorner()
    {
        const QRectF r = placeCaption(m_size, m_room, {});
        QCOMPARE(r, QRectF(QPointF(590, 10), m_size));
    }

    void aTipUnderTheCaptionSendsItDown()
    {
        const QRectF r = placeCaption(m_size, m_room, {QPointF(700, 30)});
        QCOMPARE(r, QRectF(QPointF(590, 600 - 10 - 20 - 40), m_size)); // above the hint line
    }

    void aTipJustOutsideCountsToo()
    {
        // An arrow's head is drawn around its tip: a tip a few pixels off the box is still hidden.
        const QRectF r = placeCaption(m_size, m_room, {QPointF(585, 55)});
        QVERIFY(r.top() > 300);
    }

    void fewerHiddenTipsWins()
    {
        const std::vector<QPointF> tips{QPointF(700, 30), QPointF(650, 540), QPointF(700, 545)};
        QVERIFY(placeCaption(m_size, m_room, tips).top() < 100);
    }

    void aTieKeepsTheCorner()
    {
        CaptionRoom room = m_room;
        const std::vector<QPointF> both{QPointF(700, 30), QPointF(700, 545)};
        QVERIFY(placeCaption(m_size, room, both).top() < 100);
        room.wasAtBottom = true;
        QVERIFY(placeCaption(m_size, room, both).top() > 300);
        QVERIFY(placeCaption(m_size, room, {QPointF(700, 545)}).top() < 100);
    }

    void itGoesHomeWhenTheCornerIsFree()
    {
        CaptionRoom room = m_room;
        room.wasAtBottom = true;
        QVERIFY(placeCaption(m_size, room, {}).top() < 100);
    }

    void aNarrowPlaneGoesBelowTheReadout()
    {
        CaptionRoom room = m_room;
        room.area = QRectF(0, 0, 400, 600);
        const QRectF r = placeCaption(m_size, room, {});
        QCOMPARE(r.top(), room.readout.bottom() + 5);
        QVERIFY(!r.intersects(room.readout));
    }
};

QTEST_APPLESS_MAIN(TestCaptionPlacement)
#include "tst_captionplacement.moc"
