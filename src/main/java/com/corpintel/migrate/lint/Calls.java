package com.corpintel.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Function calls in a statement, such as {@code SELECT create_hypertable('t', 'time', migrate_data => true)}. */
public final class Calls {

    /** One argument: {@code name => value} or positional (name null); its tokens. */
    public record Argument(String name, List<Token> tokens) {

        /** The first string literal of the argument, e.g. the table of {@code 'financial_metrics'}. */
        public String string() {
            return tokens.stream().filter(t -> t.kind() == Token.Kind.STRING).map(Token::text).findFirst().orElse(null);
        }

        public boolean isTrue() {
            return tokens.size() == 1 && (tokens.get(0).is("TRUE") || (tokens.get(0).kind() == Token.Kind.STRING
                    && List.of("true", "on", "t", "yes").contains(tokens.get(0).text().toLowerCase(Locale.ROOT))));
        }

        /** An interval argument in seconds ({@code INTERVAL '3 days'}, {@code '2 years'::interval}), or null. */
        public Long seconds() {
            String text = string();
            return text == null ? null : Intervals.seconds(text);
        }
    }

    /** A call, the token it starts at, and its arguments. */
    public record Call(String function, Token at, List<Argument> arguments) {

        public Argument positional(int index) {
            int k = 0;
            for (Argument a : arguments) {
                if (a.name() == null) {
                    if (k == index) {
                        return a;
                    }
                    k++;
                }
            }
            return null;
        }

        public Argument named(String name) {
            return arguments.stream().filter(a -> name.equals(a.name())).findFirst().orElse(null);
        }

        /** The argument by name, else at its position. */
        public Argument argument(String name, int position) {
            Argument named = named(name);
            return named != null ? named : positional(position);
        }
    }

    private Calls() {
    }

    /** Every call of {@code function} (lower case, schema qualification ignored) in the statement. */
    public static List<Call> of(Statement s, String function) {
        List<Call> calls = new ArrayList<>();
        String upper = function.toUpperCase(Locale.ROOT);
        for (int i = 0; i + 1 < s.size(); i++) {
            if (s.token(i).is(upper) && s.token(i + 1).isSymbol("(")) {
                int close = s.closing(i + 1);
                calls.add(new Call(function, s.token(i), arguments(s, i + 2, close)));
            }
        }
        return calls;
    }

    private static List<Argument> arguments(Statement s, int from, int close) {
        List<Argument> arguments = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < close; i++) {
            Token t = s.token(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && t.isSymbol(",")) {
                arguments.add(argument(current));
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            arguments.add(argument(current));
        }
        return arguments;
    }

    private static Argument argument(List<Token> tokens) {
        if (tokens.size() > 2 && tokens.get(1).isSymbol("=>")) {
            return new Argument(tokens.get(0).name(), List.copyOf(tokens.subList(2, tokens.size())));
        }
        return new Argument(null, List.copyOf(tokens));
    }
}
