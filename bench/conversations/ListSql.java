// Prints the exact SQL statements GET /api/conversations issues for the benchmark's request (the tenant scope
// statement, then the list), with their values inlined, as a pgbench script. Run with the jar on the class path:
//   java -cp target/hummdesk.jar bench/conversations/ListSql.java <accountId> <userId>
import com.hummdesk.conversations.ConversationFilter;
import com.hummdesk.conversations.ConversationFinder;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

public class ListSql {
    public static void main(String[] args) {
        long accountId = Long.parseLong(args[0]);
        long userId = Long.parseLong(args[1]);
        var list = new ConversationFinder().sql(ConversationFilter.all(accountId, userId));
        var dsl = DSL.using(SQLDialect.POSTGRES);
        var inlined = dsl.renderInlined(DSL.query(list.sql(), list.binds().toArray()));
        System.out.println("BEGIN;");
        System.out.println("select set_config('app.account_id', '" + accountId + "', true), set_config('app.user_id', '', true),"
                + " set_config('app.public_inbox', '', true);");
        System.out.println(inlined.replace('\n', ' ') + ";");
        System.out.println("COMMIT;");
    }
}
