// Without OpenGL 3.3 (here: Qt's offscreen platform, where a QOpenGLWidget in a window crashes
// inside Qt) the Uncrumple page is a message saying why, and the window works.

#include "ui/common/glcheck.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QOpenGLWidget>
#include <QTest>

class TestUncrumpleNoGl : public QObject {
    Q_OBJECT

private slots:
    void pageExplainsInsteadOfCrashing()
    {
        QVERIFY(!ui::openGlProblem().isEmpty());
        ui::DataStore store;
        ui::AppContext context(&store);
        ui::MainWindow window(&context);
        window.resize(1024, 640);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("uncrumple")));
        QCOMPARE(window.currentPageId(), QStringLiteral("uncrumple"));
        auto *message = window.findChild<QLabel *>(QStringLiteral("noGlMessage"));
        QVERIFY(message);
        QVERIFY(message->text().contains(QStringLiteral("Uncrumple page needs OpenGL 3.3")));
        QVERIFY(message->isVisible());
        QVERIFY(window.findChildren<QOpenGLWidget *>().isEmpty());
        QCOMPARE(window.grab().size(), QSize(1024, 640));
        QVERIFY(window.showPage(QStringLiteral("mnist")));
    }
};

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestUncrumpleNoGl test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_uncrumplenogl.moc"
