// Prints an Argon2id hash of the given password, as HummDesk stores it (for the benchmark's users).
//   java -cp target/hummdesk.jar bench/conversations/PasswordHash.java <password>
public class PasswordHash {
    public static void main(String[] args) {
        System.out.println(new com.hummdesk.auth.PasswordHasher().hash(args[0]));
    }
}
