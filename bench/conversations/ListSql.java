// Prints the exact SQL statements GET /api/conversations issues for the benchmark's request (the tenant scope
// statement, then the list), with their values inlined, as a pgbench script. Run with the jar on the class path:
//   java -cp target/hummdesk.jar bench/conversations/ListSql.java <accountId> <userId>
import com.hummdesk.conversations.ConversationFilter;
import com.hummdesk.conversations.ConversationFinder;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

public class ListSql {
    public static void main(String[] args) {
        long accountId = Long.parseLong(args[0]);
        long userId = Long.parseLong(args[1]);
        var finder = new ConversationFinder();
        var filter = ConversationFilter.all(accountId, userId);
        var scope = finder.scope(filter);
        var list = finder.sql(filter);
        System.out.println("BEGIN;");
        System.out.println(inlined(scope.sql(), scope.values()) + ";");
        System.out.println(inlined(list.sql(), list.binds()) + ";");
        System.out.println("COMMIT;");
    }

    private static String inlined(String sql, List<Object> binds) {
        return DSL.using(SQLDialect.POSTGRES).renderInlined(DSL.query(sql, binds.toArray())).replace('\n', ' ');
    }
}
