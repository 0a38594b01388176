/* The floor of the suite's plan row: a process that does nothing, linked
 * like iosplan (dynamically, against the C library), so that the row can
 * show what start-up alone costs on this machine. */
int main(void)
{
	return 0;
}
