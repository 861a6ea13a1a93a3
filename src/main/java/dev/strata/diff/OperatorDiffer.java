package dev.strata.diff;

import dev.strata.model.Operator;
import dev.strata.model.QualifiedName;
import dev.strata.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OperatorDiffer compares the operators of two schemas by symbol and operand types. ALTER
 * OPERATOR can change only some options, so any change but the comment drops the operator and
 * creates it again (dropping it clears the commutator and negator links of other operators, which
 * the create sets again).
 */
final class OperatorDiffer {
    private OperatorDiffer() {
    }

    static void diff(Schema current, Schema desired, List<Change> out) {
        Map<QualifiedName, Operator> have = current.operators().stream()
                .collect(Collectors.toMap(Operator::identity, Function.identity()));
        Map<QualifiedName, Operator> want = desired.operators().stream()
                .collect(Collectors.toMap(Operator::identity, Function.identity()));
        for (Operator d : desired.operators()) {
            Operator c = have.get(d.identity());
            if (c == null) {
                out.add(new Change.CreateOperator(d));
            } else if (!c.definitionOnly().equals(d.definitionOnly())) {
                out.add(new Change.DropOperator(c));
                out.add(new Change.CreateOperator(d));
            } else if (!Objects.equals(c.comment(), d.comment())) {
                out.add(new Change.CommentOn(CommentTarget.of(d), c.comment(), d.comment()));
            }
        }
        for (Operator c : current.operators()) {
            if (!want.containsKey(c.identity())) {
                out.add(new Change.DropOperator(c));
            }
        }
    }
}
