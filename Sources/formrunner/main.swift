print("formrunner")
