package org.speedsim.strategies;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * A strategy factory as a scenario names it: its kind, name and arguments are its identity, whatever object builds
 * the strategies behind it. {@link #wrap} gives any factory interface this identity (equal when kind, name and
 * arguments are; {@code toString} is the name and arguments), so that two loads of one scenario give equal
 * configurations. Calls other than these go to the wrapped factory; factories are called once per peer, never per
 * event, so the indirection costs nothing measurable.
 */
public interface NamedStrategy {

    /** The name the scenario wrote. */
    String name();

    /** The parameters, in base units. */
    StrategyArgs args();

    /** {@code factory} as a {@code type} that is also a {@link NamedStrategy} of {@code name} and {@code args}. */
    static <F> F wrap(Class<F> type, String name, StrategyArgs args, F factory) {
        Objects.requireNonNull(factory, "factory");
        Identity id = new Identity(type, name, args, factory);
        return type.cast(Proxy.newProxyInstance(NamedStrategy.class.getClassLoader(),
                new Class<?>[] {type, NamedStrategy.class}, id));
    }

    /** The proxy's behaviour: identity from (type, name, args), everything else delegated. */
    record Identity(Class<?> type, String name, StrategyArgs args, Object factory) implements InvocationHandler {

        public Identity {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(args, "args");
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    if (method.getParameterCount() == 1) {
                        Object o = arguments[0];
                        return o != null && Proxy.isProxyClass(o.getClass())
                                && Proxy.getInvocationHandler(o) instanceof Identity other
                                && other.type == type && other.name.equals(name) && other.args.equals(args);
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return (type.getName().hashCode() * 31 + name.hashCode()) * 31 + args.hashCode();
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return name + args.values();
                    }
                    break;
                case "name":
                    if (method.getParameterCount() == 0 && method.getDeclaringClass() == NamedStrategy.class) {
                        return name;
                    }
                    break;
                case "args":
                    if (method.getParameterCount() == 0 && method.getDeclaringClass() == NamedStrategy.class) {
                        return args;
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(factory, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
