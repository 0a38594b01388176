/* The configuration register's repair: one computation for the rule
 * config-register's fix and the plan's `config-register` step (issue 20
 * point 6), which both used to write the normal value whole and so reset
 * the console speed along with the boot field (0x2121 -> 0x2102 drops a
 * 19200-baud console to 9600 for the very reload that needs it).
 *
 * The boot field is bits 0-3 of the register; Cisco's config-register
 * reference says to change it while leaving every other bit as it is
 * (https://www.cisco.com/E-Learning/bulk/public/tac/cim/cib/using_cisco_ios_software/cmdrefs/config-register.htm).
 * Bits 5, 11 and 12 are the console speed (Cisco 50421 "config register
 * use", its Common Platform Parameters table:
 * https://cisco.com/c/en/us/support/docs/routers/10000-series-routers/50421-config-register-use.html;
 * the ISR4000 "Configuration Register" chapter,
 * https://cisco.com/c/en/us/td/docs/routers/access/isr4400/software/configuration/xe-17/isr4400-sw-config-xe-17/m_configuration-register.html).
 * Bits 0x0040 and 0x8000 make the device ignore its startup-config: a
 * repair clears them, since that is what it is for.
 *
 * The repair of v, with a normal value (the platform's, or one from
 * .iosplan.yaml normal_registers):
 * - the normal value whole, when it boots from the boot statements (boot
 *   field 2-F, no ignore bit) and its other bits are v's (ignore bits
 *   aside): then the normal value IS the boot-field repair;
 * - otherwise v with its ignore bits cleared and, when its boot field does
 *   not boot from the boot statements (0 or 1), boot field 2. The normal
 *   value is then not honoured: its other bits would change the console
 *   speed or more, which a boot repair must not do unasked (the finding
 *   that the value is not the normal one says so separately). */
#ifndef IOSPLAN_CONFREG_H
#define IOSPLAN_CONFREG_H

#include <stdbool.h>
#include <stdint.h>

#define IP_CR_BOOT_FIELD 0x000Fu /* bits 0-3 */
#define IP_CR_IGNORE 0x8040u     /* bits that ignore the startup-config */
#define IP_CR_BAUD 0x1820u       /* bits 5, 11, 12: the console speed */

uint32_t ip_confreg_repair(uint32_t v, bool has_normal, uint32_t normal);

/* Whether changing from into to touches only the boot field and clears
 * (never sets) ignore bits: the plan proof's register invariant. */
bool ip_confreg_repair_only(uint32_t from, uint32_t to);

#endif
