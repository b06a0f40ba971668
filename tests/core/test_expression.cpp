// The expression parser: what it accepts, and where it points when it does not.

#include "core/errors.h"
#include "core/tensor/expression.h"

#include <QTest>

using namespace core;

class TestExpression : public QObject {
    Q_OBJECT
private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("subscripts");
        QTest::newRow("name") << "train_images"
                              << "train_images" << 0;
        QTest::newRow("book 1") << "train_images[10:100]"
                                << "train_images[10:100]" << 1;
        QTest::newRow("book 2") << "train_images[10:100, :, :]"
                                << "train_images[10:100, :, :]" << 1;
        QTest::newRow("spaces") << "  train_images [ 10 : 100 ,7:- 7 , :: 2 ] "
                                << "train_images[10:100, 7:-7, ::2]" << 1;
        QTest::newRow("shape") << "train_images[4].shape"
                               << "train_images[4].shape" << 1;
        QTest::newRow("ndim") << "train_images.ndim"
                              << "train_images.ndim" << 0;
        QTest::newRow("dtype") << "test_labels.dtype"
                               << "test_labels.dtype" << 0;
        QTest::newRow("len") << "len(train_labels)"
                             << "len(train_labels)" << 0;
        QTest::newRow("len slice") << "len( train_labels[:10] )"
                                   << "len(train_labels[:10])" << 1;
        QTest::newRow("newaxis") << "test_labels[np.newaxis, :3]"
                                 << "test_labels[None, :3]" << 1;
        QTest::newRow("ellipsis") << "train_images[..., 14]"
                                  << "train_images[..., 14]" << 1;
        QTest::newRow("trailing comma") << "train_images[4,]"
                                        << "train_images[4]" << 1;
        QTest::newRow("chained") << "train_images[4][7:-7]"
                                 << "train_images[4][7:-7]" << 2;
        QTest::newRow("plus sign") << "train_images[+4]"
                                   << "train_images[4]" << 1;
        // Python spellings the cell parser reads and the slicing language means the same by.
        QTest::newRow("signs") << "train_images[--4, -+4]"
                               << "train_images[4, -4]" << 1;
        QTest::newRow("None bounds") << "train_images[None:5:None]"
                                     << "train_images[:5]" << 1;
        QTest::newRow("tuple") << "train_images[(1, 2)]"
                               << "train_images[1, 2]" << 1;
        QTest::newRow("comment") << "train_images[0]  # the first"
                                 << "train_images[0]" << 1;
        QTest::newRow("lines in brackets") << "train_images[0,\n 3]"
                                           << "train_images[0, 3]" << 1;
    }
    void valid()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(int, subscripts);
        const Expression e = parseExpression(text.toStdString());
        QCOMPARE(QString::fromStdString(formatExpression(e)), canonical);
        QCOMPARE(static_cast<int>(e.subscripts.size()), subscripts);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("contains");
        QTest::newRow("empty") << "" << 1 << "empty expression";
        QTest::newRow("unclosed") << "train_images[10:100" << 20
                                  << "expected ']' to close the '[' at column 13";
        QTest::newRow("bad char") << "train_images[10;100]" << 16
                                  << "expected ',' or ']' but found ';'";
        QTest::newRow("non-ASCII char")
            << QStringLiteral("train_images[\u00e9]") << 14 << QStringLiteral("but found '\u00e9'");
        QTest::newRow("empty subscript") << "train_images[]" << 14 << "empty subscript";
        QTest::newRow("float") << "train_images[1.5]" << 14 << "expected an integer";
        QTest::newRow("name index") << "train_images[n]" << 14 << "only integers, slices";
        QTest::newRow("attribute") << "train_images.shap" << 14 << "unknown attribute 'shap'";
        QTest::newRow("trailing") << "train_images[0] + 1" << 17 << "unexpected '+'";
        QTest::newRow("no name") << "[0:3]" << 1 << "expected an array name";
        QTest::newRow("lone sign") << "train_images[-]" << 15 << "expected a number after the sign";
        QTest::newRow("too large")
            << "train_images[99999999999999999999]" << 14 << "integer too large";
        QTest::newRow("len unclosed") << "len(train_labels" << 17 << "expected ')'";
        // Python the cell parser reads but the slicing language lacks: the column of that part.
        QTest::newRow("operator") << "train_images + 1" << 14 << "unexpected '+'";
        QTest::newRow("operator in index") << "train_images[1 * 2]" << 16 << "unexpected '*'";
        QTest::newRow("float bound") << "train_images[:2.0]" << 15 << "expected an integer";
        QTest::newRow("string index") << "train_images['a']" << 14 << "only integers, slices";
        QTest::newRow("list index") << "train_images[[1, 2]]" << 14 << "only integers, slices";
        QTest::newRow("after attribute") << "train_images.shape[0]" << 19 << "unexpected '['";
        QTest::newRow("after len") << "len(train_labels).size" << 19 << "unexpected '.size'";
        QTest::newRow("call") << "sum(train_labels)" << 4 << "only len() can be called";
        QTest::newRow("len of attribute") << "len(train_labels.shape)" << 18 << "not an attribute";
        QTest::newRow("len of two") << "len(train_labels, test_labels)" << 19
                                    << "len() takes exactly one argument (2 given)";
        QTest::newRow("empty tuple") << "train_images[()]" << 14 << "empty subscript";
        QTest::newRow("assignment") << "train_images = 1" << 14 << "invalid syntax: unexpected '='";
        QTest::newRow("two statements") << "train_images; test_images" << 13 << "unexpected ';'";
        QTest::newRow("second line")
            << "train_images\ntest_images" << 14 << "unexpected 'test_images'";
        QTest::newRow("keyword") << "import numpy" << 1 << "expected an array name";
        QTest::newRow("unmatched") << "train_images[0]]" << 16 << "unmatched ']'";
        QTest::newRow("missing comma") << "train_images[0 1]" << 16 << "expected ','";
        QTest::newRow("deep") << "train_images[" + QString(500, '-') + "1]" << 412
                              << "too many nested parentheses";
        QTest::newRow("unclosed over lines") << "train_images[0,\n 1" << 19 << "column 13";
        QTest::newRow("leading blanks") << "  train_images[1.5]" << 16 << "expected an integer";
    }
    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(QString, contains);
        try {
            parseExpression(text.toStdString());
            QFAIL("expected a ParseError");
        } catch (const ParseError &e) {
            QCOMPARE(e.column(), column);
            QVERIFY2(QString::fromStdString(e.what()).contains(contains), e.what());
        }
    }

    void messagesAreOneLine()
    {
        try {
            parseExpression("train_images 'a\\nb'");
            QFAIL("expected a ParseError");
        } catch (const ParseError &e) {
            QCOMPARE(QString::fromStdString(e.detail()),
                     QStringLiteral("invalid syntax: unexpected 'a\\nb'"));
        }
    }

    void attributes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("value");
        QTest::newRow("shape") << "a.shape"
                               << "(4, 5, 6)";
        QTest::newRow("ndim") << "a.ndim"
                              << "3";
        QTest::newRow("dtype") << "a.dtype"
                               << "dtype('float32')";
        QTest::newRow("size") << "a[1].size"
                              << "30";
        QTest::newRow("len") << "len(a)"
                             << "4";
        QTest::newRow("sliced shape") << "a[:, 1:-1, ::2].shape"
                                      << "(4, 3, 3)";
    }
    void attributes()
    {
        QFETCH(QString, text);
        QFETCH(QString, value);
        const Tensor a(DType::Float32, {4, 5, 6});
        const Evaluation r = evaluate(parseExpression(text.toStdString()),
                                      [&](std::string_view n) -> std::optional<Tensor> {
                                          if (n == "a") return a;
                                          return std::nullopt;
                                      });
        QCOMPARE(QString::fromStdString(r.valueText), value);
    }

    void unknownNameIsANameError()
    {
        try {
            evaluate(parseExpression("train_imgs[0]"),
                     [](std::string_view) { return std::optional<Tensor>(); });
            QFAIL("expected NameError");
        } catch (const NameError &e) {
            QCOMPARE(QString::fromStdString(e.what()),
                     QStringLiteral("name 'train_imgs' is not defined"));
        }
    }
};

QTEST_APPLESS_MAIN(TestExpression)
#include "test_expression.moc"
