print("lip-dev")
