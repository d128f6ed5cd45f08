package org.citygrid.api.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that takes a password or a refresh token from anyone: {@link SignInLimitFilter}
 * counts every request routed to it per client address, whatever form of the path reached it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CountedAsSignIn {
}
