# Everyone may read; signed-in users may create, edit and upload.
*               @ALL          1
*               @user         8
