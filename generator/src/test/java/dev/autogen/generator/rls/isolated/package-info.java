/** Row-level security fixture: every entity of this package whose table has {@code tenant_id} is tenant-isolated. */
@TenantIsolated
package dev.autogen.generator.rls.isolated;

import dev.autogen.annotations.TenantIsolated;
